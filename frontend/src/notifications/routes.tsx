import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "@/routes/root";

export const notificationsRoute = createRoute({ getParentRoute: () => appRoute, path: "notifications", component: lazyRouteComponent(() => import("./NotificationsScreen"), "NotificationsScreen") });

import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "@/routes/root";

export const documentRoute = createRoute({ getParentRoute: () => appRoute, path: "documents/$id", component: lazyRouteComponent(() => import("./DocumentScreen"), "DocumentScreen") });

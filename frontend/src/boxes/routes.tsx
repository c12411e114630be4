import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "@/routes/root";

export const boxesRoute = createRoute({ getParentRoute: () => appRoute, path: "boxes/$box", component: lazyRouteComponent(() => import("./BoxesScreen"), "BoxesScreen") });

import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "@/routes/root";

export const homeRoute = createRoute({ getParentRoute: () => appRoute, path: "/", component: lazyRouteComponent(() => import("./HomeScreen"), "HomeScreen") });

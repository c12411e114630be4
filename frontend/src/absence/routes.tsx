import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "@/routes/root";

export const absenceRoute = createRoute({ getParentRoute: () => appRoute, path: "absence", component: lazyRouteComponent(() => import("./AbsenceScreen"), "AbsenceScreen") });

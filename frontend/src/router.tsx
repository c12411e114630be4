import type { QueryClient } from "@tanstack/react-query";
import { createRouter } from "@tanstack/react-router";
import { absenceRoute } from "@/absence/routes";
import { signInRoute } from "@/auth/routes";
import { boxesRoute } from "@/boxes/routes";
import { documentRoute } from "@/document/routes";
import { draftEditRoute, draftNewRoute } from "@/drafting/routes";
import { homeRoute } from "@/home/routes";
import { lineRoute } from "@/line/routes";
import { notificationsRoute } from "@/notifications/routes";
import { appRoute, rootRoute } from "@/routes/root";
import { ErrorScreen } from "@/shell/ErrorScreen";
import { LoadingScreen } from "@/shell/LoadingScreen";

const routeTree = rootRoute.addChildren([
  signInRoute,
  appRoute.addChildren([
    homeRoute,
    boxesRoute,
    draftNewRoute,
    draftEditRoute,
    documentRoute,
    lineRoute,
    notificationsRoute,
    absenceRoute,
  ]),
]);

export function makeRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    basepath: "/app",
    context: { queryClient },
    defaultPreload: "intent",
    defaultPendingComponent: LoadingScreen,
    defaultErrorComponent: ErrorScreen,
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof makeRouter>;
  }
}

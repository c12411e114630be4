import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "@/routes/root";

// The approval line editor, opened from a draft before it is submitted.
export const lineRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "documents/$id/line",
  component: lazyRouteComponent(() => import("./LineScreen"), "LineScreen"),
});

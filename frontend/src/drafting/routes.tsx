import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { appRoute } from "@/routes/root";

// Drafting carries the rich-text editor: loaded when someone drafts, not on first paint.
export const draftNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "drafts/new",
  component: lazyRouteComponent(() => import("./DraftScreen"), "DraftScreen"),
});

export const draftEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "documents/$id/edit",
  component: lazyRouteComponent(() => import("./DraftScreen"), "DraftScreen"),
});

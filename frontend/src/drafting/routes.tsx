import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import * as z from "zod/mini";
import { appRoute } from "@/routes/root";

// zod/mini here: the route's schema is in the first load; the form's full zod is not.
const newDraftSearch = z.object({
  kind: z.catch(z.optional(z.enum(["memo", "budget", "personnel"])), undefined),
});

// Drafting carries the rich-text editor: loaded when someone drafts, not on first paint.
export const draftNewRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "drafts/new",
  validateSearch: newDraftSearch,
  component: lazyRouteComponent(() => import("./DraftScreen"), "NewDraftScreen"),
});

export const draftEditRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "documents/$id/edit",
  component: lazyRouteComponent(() => import("./DraftScreen"), "EditDraftScreen"),
});

import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import * as z from "zod/mini";
import { appRoute } from "@/routes/root";

// The org chart's open unit is in the URL, so a link shows the same people.
const search = z.object({
  unit: z.catch(z.optional(z.coerce.number()), undefined),
});

// The approval line editor, opened from a draft before it is submitted.
export const lineRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "documents/$id/line",
  validateSearch: search,
  component: lazyRouteComponent(() => import("./LineScreen"), "LineScreen"),
});

import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import * as z from "zod/mini";
import { appRoute } from "@/routes/root";

// The absence being changed lives in the URL: a reload or a shared link reopens it.
const search = z.object({
  edit: z.catch(z.optional(z.int().check(z.positive())), undefined),
});

export const absenceRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "absence",
  validateSearch: search,
  component: lazyRouteComponent(() => import("./AbsenceScreen"), "AbsenceScreen"),
});

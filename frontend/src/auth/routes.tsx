import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import * as z from "zod/mini";
import { rootRoute } from "@/routes/root";

// zod/mini for search parameters: every route's schema is in the first load.
const search = z.object({
  next: z.catch(z.optional(z.string()), undefined),
  expired: z.catch(z.optional(z.boolean()), undefined),
});

export const signInRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "sign-in",
  validateSearch: search,
  component: lazyRouteComponent(() => import("./SignInScreen"), "SignInScreen"),
});

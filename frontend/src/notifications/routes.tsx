import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import * as z from "zod/mini";
import { appRoute } from "@/routes/root";

// The page and the unread filter live in the URL, so a link reproduces the list.
const search = z.object({
  page: z.catch(z.optional(z.int().check(z.positive())), undefined),
  unread: z.catch(z.optional(z.boolean()), undefined),
});

export const notificationsRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "notifications",
  validateSearch: search,
  component: lazyRouteComponent(() => import("./NotificationsScreen"), "NotificationsScreen"),
});

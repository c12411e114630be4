import { createRoute, lazyRouteComponent, notFound } from "@tanstack/react-router";
import { appRoute } from "@/routes/root";
import { boxSearchSchema, isBox } from "./boxes";

// Filters, the page and the open document live in the URL: a link reproduces the screen.
export const boxesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "boxes/$box",
  validateSearch: boxSearchSchema,
  beforeLoad: ({ params }) => {
    if (!isBox(params.box)) throw notFound();
  },
  component: lazyRouteComponent(() => import("./BoxesScreen"), "BoxesScreen"),
});

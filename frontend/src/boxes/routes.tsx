import { createRoute, lazyRouteComponent, notFound } from "@tanstack/react-router";
import i18n from "@/i18n";
import { appRoute } from "@/routes/root";
import { type Box, boxSearchSchema, isBox } from "./boxes";
import { boxCountsQuery, boxListQuery } from "./queries";

// Filters, the page and the open document live in the URL: a link reproduces the screen.
export const boxesRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "boxes/$box",
  validateSearch: boxSearchSchema,
  beforeLoad: ({ params }) => {
    if (!isBox(params.box)) throw notFound();
  },
  // Ask for the list, the counts and the strings while the screen's code is still loading,
  // rather than one after another once it has (a phone on a slow network sees the difference).
  loaderDeps: ({ search }) => search,
  loader: ({ context, params, deps }) => {
    void context.queryClient.prefetchQuery(boxListQuery(params.box as Box, deps));
    void context.queryClient.prefetchQuery(boxCountsQuery);
    void i18n.loadNamespaces(["boxes", "document"]);
  },
  component: lazyRouteComponent(() => import("./BoxesScreen"), "BoxesScreen"),
});

import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import i18n from "@/i18n";
import { appRoute } from "@/routes/root";
import { documentQuery } from "./queries";

export const documentRoute = createRoute({
  getParentRoute: () => appRoute,
  path: "documents/$id",
  // The document and its strings are asked for while the screen's code loads.
  loader: ({ context, params }) => {
    const id = Number(params.id);
    if (Number.isInteger(id) && id > 0) void context.queryClient.prefetchQuery(documentQuery(id));
    void i18n.loadNamespaces("document");
  },
  component: lazyRouteComponent(() => import("./DocumentScreen"), "DocumentScreen"),
});

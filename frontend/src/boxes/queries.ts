import { keepPreviousData, queryOptions, useQueryClient } from "@tanstack/react-query";
import { api } from "@/api/client";
import { unwrap } from "@/api/errors";
import { type Box, type BoxSearch, listQuery } from "./boxes";

/** Counts change as others act: refetched on an interval and after any action of mine. */
export const boxCountsQuery = queryOptions({
  queryKey: ["boxes", "counts"],
  queryFn: async () => unwrap(await api.GET("/api/boxes/")).counts,
  refetchInterval: 30_000,
});

export function boxListQuery(box: Box, search: BoxSearch) {
  const query = listQuery(search);
  return queryOptions({
    queryKey: ["boxes", "list", box, query],
    queryFn: async () => unwrap(await api.GET("/api/boxes/{box}/", { params: { path: { box }, query } })),
    placeholderData: keepPreviousData,
    refetchInterval: 60_000,
  });
}

/** The home page's five of a box. */
export function boxTopQuery(box: Box) {
  return queryOptions({
    queryKey: ["boxes", "top", box],
    queryFn: async () =>
      unwrap(await api.GET("/api/boxes/{box}/", { params: { path: { box }, query: { page: 1, page_size: 5 } } })),
    refetchInterval: 60_000,
  });
}

/** Every box view lives under ["boxes"]: one call after an action refreshes counts and lists. */
export function useRefreshBoxes() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["boxes"] });
}

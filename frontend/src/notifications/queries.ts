import { keepPreviousData, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/api/client";
import { unwrap } from "@/api/errors";

export const PAGE_SIZE = 20;

export function notificationsQuery(page: number, unread: boolean | undefined) {
  return queryOptions({
    queryKey: ["notifications", "list", { page, unread: unread ?? null }],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/notifications/", {
          params: { query: { page, page_size: PAGE_SIZE, ...(unread ? { unread: true } : {}) } },
        }),
      ),
    placeholderData: keepPreviousData,
    // As often as the bell counts: what it announces appears in the open list too.
    refetchInterval: 30_000,
  });
}

/** Reading changes the list and the bell's count: both live under ["notifications"]. */
function useRefreshNotifications() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: ["notifications"] });
}

export function useMarkRead() {
  const refresh = useRefreshNotifications();
  return useMutation({
    mutationFn: async (id: number) => unwrap(await api.POST("/api/notifications/{id}/read/", { params: { path: { id } } })),
    // On the mutation, not on mutate(): it still runs when opening the link left this screen.
    onSettled: refresh,
  });
}

export function useMarkAllRead() {
  const refresh = useRefreshNotifications();
  return useMutation({
    mutationFn: async () => unwrap(await api.POST("/api/notifications/read-all/")),
    onSettled: refresh,
  });
}

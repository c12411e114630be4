import { queryOptions, useSuspenseQuery } from "@tanstack/react-query";
import { api } from "@/api/client";
import { ApiFailure, unwrap } from "@/api/errors";

export const meQuery = queryOptions({
  queryKey: ["me"],
  queryFn: async () => unwrap(await api.GET("/api/me/")),
  staleTime: 5 * 60_000,
  retry: (count, error) => !(error instanceof ApiFailure && error.status < 500) && count < 2,
});

export function useMe() {
  return useSuspenseQuery(meQuery).data;
}

export function isSignedOut(error: unknown): boolean {
  return error instanceof ApiFailure && (error.status === 401 || error.status === 403);
}

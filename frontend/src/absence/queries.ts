import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "@/api/client";
import { unwrap } from "@/api/errors";
import type { components, paths } from "@/api/schema";

export type Absence = components["schemas"]["AbsenceOutput"];
export type AbsenceCreate = components["schemas"]["AbsenceCreateInputRequest"];
export type AbsenceUpdate = components["schemas"]["PatchedAbsenceUpdateInputRequest"];

export function myAbsencesQuery(personId: number | undefined) {
  return queryOptions({
    queryKey: ["absences", "mine", personId ?? null],
    queryFn: async () =>
      unwrap(await api.GET("/api/absences/", { params: { query: { page_size: 50, ...(personId ? { person: personId } : {}) } } })),
  });
}

export function personQuery(id: number | undefined) {
  return queryOptions({
    queryKey: ["people", "detail", id ?? null],
    queryFn: async () => unwrap(await api.GET("/api/people/{id}/", { params: { path: { id: id ?? 0 } } })),
    enabled: id !== undefined,
    staleTime: 5 * 60_000,
  });
}

/** An absence moves approval steps: the boxes and the home screen's counts change with it. */
function useRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ predicate: (query) => query.queryKey[0] !== "me" });
}

export function useSaveAbsence() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async ({ id, values }: { id: number | undefined; values: AbsenceCreate }) =>
      id === undefined
        ? unwrap(await api.POST("/api/absences/", { body: values }))
        : unwrap(await api.PATCH("/api/absences/{id}/", { params: { path: { id } }, body: values satisfies AbsenceUpdate })),
    onSuccess: refresh,
  });
}

export function useCancelAbsence() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: async (id: number) => {
      const result = await api.DELETE("/api/absences/{id}/", { params: { path: { id } } });
      if (!result.response.ok) unwrap(result);
    },
    onSuccess: refresh,
  });
}

export type PreviewParams = NonNullable<paths["/api/absences/preview/"]["get"]["parameters"]["query"]>;
export type HandoverPreview = components["schemas"]["AbsencePreviewOutput"];

/** What saving this absence would hand to the deputy, checked by the server as saving is. */
export function previewQuery(params: PreviewParams | null) {
  return queryOptions({
    queryKey: ["absences", "preview", params],
    queryFn: async ({ signal }) => unwrap(await api.GET("/api/absences/preview/", { params: { query: params! }, signal })),
    enabled: params !== null,
    staleTime: 0,
    retry: false,
  });
}

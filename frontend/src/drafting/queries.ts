import { queryOptions } from "@tanstack/react-query";
import { api } from "@/api/client";
import { unwrap } from "@/api/errors";
import type { DocumentDetail } from "./schema";

export interface DraftRead {
  document: DocumentDetail;
  etag: string | null;
}

/** A draft as read for editing: the detail and its ETag, which every save must name. */
export async function readDraft(id: string, signal?: AbortSignal): Promise<DraftRead> {
  const result = await api.GET("/api/documents/{id}/", { params: { path: { id } }, ...(signal ? { signal } : {}) });
  const document = unwrap(result);
  return { document, etag: result.response.headers.get("ETag") };
}

export const draftQuery = (id: string) =>
  queryOptions({
    queryKey: ["documents", id, "draft"],
    queryFn: ({ signal }) => readDraft(id, signal),
    // The form owns the content once it is open: no refetch under the person's hands.
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
  });

export const budgetLinesQuery = (fiscalYear: number | null) =>
  queryOptions({
    queryKey: ["budget-lines", fiscalYear],
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET("/api/budget-lines/", {
          params: { query: { ...(fiscalYear ? { fiscal_year: fiscalYear } : {}), page_size: 100 } },
          signal,
        }),
      ),
    staleTime: 60_000,
  });

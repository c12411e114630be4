import { queryOptions, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { api } from "@/api/client";
import { ApiFailure, unwrap } from "@/api/errors";
import type { components } from "@/api/schema";
import { useDebounced } from "@/ui/useDebounced";
import { type Line, type LineInput, type LineOutput, lineToInput } from "./lineState";

type Schemas = components["schemas"];
export type DocumentDetail = Schemas["DocumentDetailOutput"];
export type SavedLine = Schemas["SavedLineOutput"];
export type Unit = Schemas["UnitOutput"];
export type UnitDetail = Schemas["UnitDetailOutput"];

export const documentQuery = (id: string) =>
  queryOptions({
    queryKey: ["documents", id],
    queryFn: async ({ signal }) => unwrap(await api.GET("/api/documents/{id}/", { params: { path: { id } }, signal })),
  });

export const suggestionQuery = (id: string) =>
  queryOptions({
    queryKey: ["documents", id, "line", "suggestion"],
    queryFn: async ({ signal }) =>
      unwrap(await api.GET("/api/documents/{id}/line/suggestion/", { params: { path: { id } }, signal })),
    staleTime: Infinity,
  });

export const savedLinesQuery = queryOptions({
  queryKey: ["saved-lines"],
  queryFn: async ({ signal }) =>
    unwrap(await api.GET("/api/saved-lines/", { params: { query: { page_size: 100 } }, signal })).results,
});

/** One level of the org chart: the roots, or the children of `parent`. */
export const unitsQuery = (parent: number | null) =>
  queryOptions({
    queryKey: ["units", "children", parent],
    queryFn: async ({ signal }) =>
      unwrap(
        await api.GET("/api/units/", {
          params: { query: { page_size: 200, ...(parent === null ? {} : { parent }) } },
          signal,
        }),
      ).results,
    staleTime: 10 * 60_000,
  });

export const unitQuery = (id: number) =>
  queryOptions({
    queryKey: ["units", id],
    queryFn: async ({ signal }) => unwrap(await api.GET("/api/units/{id}/", { params: { path: { id } }, signal })),
    staleTime: 5 * 60_000,
  });

/** The units from the top of the organisation down to `id`, to open the chart where the drafter sits. */
export const unitPathQuery = (id: number) =>
  queryOptions({
    queryKey: ["units", id, "path"],
    queryFn: async ({ signal }) => {
      const path: number[] = [];
      let next: number | null | undefined = id;
      while (next && path.length < 12) {
        const unit: UnitDetail = unwrap(await api.GET("/api/units/{id}/", { params: { path: { id: next } }, signal }));
        path.unshift(unit.id);
        next = unit.parent;
      }
      return path;
    },
    staleTime: 10 * 60_000,
  });

export type LineCheck =
  | { state: "idle" }
  | { state: "checking" }
  | { state: "valid"; sent: Line; output: LineOutput }
  | { state: "invalid"; sent: Line; errors: { field: string; message: string }[] }
  | { state: "failed"; sent: Line; error: unknown };

/**
 * The server's check of the line as it stands (a pause after the last change): its rule,
 * the people resolved, and its errors on their fields. Checking reads, it writes nothing.
 */
export function useLineCheck(id: string, line: Line | null): LineCheck {
  const sent = useDebounced(line, 400);
  const input = useMemo(() => (sent ? lineToInput(sent) : null), [sent]);
  const check = useQuery({
    queryKey: ["documents", id, "line", "check", input],
    queryFn: async ({ signal }) =>
      unwrap(
        await api.POST("/api/documents/{id}/line/validate/", {
          params: { path: { id } },
          body: input as LineInput,
          signal,
        }),
      ),
    enabled: input !== null,
    retry: false,
    staleTime: 30_000,
  });
  if (sent === null || line === null) return { state: "idle" };
  if (check.isFetching || line !== sent) return { state: "checking" };
  if (check.isError) {
    if (check.error instanceof ApiFailure && check.error.status === 400) {
      return { state: "invalid", sent, errors: check.error.body?.errors ?? [] };
    }
    return { state: "failed", sent, error: check.error };
  }
  if (check.data) return { state: "valid", sent, output: check.data };
  return { state: "checking" };
}

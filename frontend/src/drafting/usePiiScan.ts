import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "@/api/client";
import { unwrap } from "@/api/errors";
import type { components } from "@/api/schema";

export type PiiFinding = components["schemas"]["DraftFindingOutput"];

export const PII_DEBOUNCE_MS = 1200;

/**
 * The personal information in what is being typed, from the server's detector
 * (POST /api/disclosure/draft-scan/), asked once typing pauses and never mid-syllable.
 * The answer never holds the matched text, only a masked preview.
 */
export function usePiiScan({
  title,
  body,
  documentId,
  composing,
}: {
  title: string;
  body: string;
  documentId: number | null;
  composing: boolean;
}) {
  const [asked, setAsked] = useState({ title, body });
  useEffect(() => {
    if (composing) return;
    const timer = setTimeout(() => setAsked({ title, body }), PII_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [title, body, composing]);

  const empty = !asked.title.trim() && !asked.body.replace(/<[^>]*>/g, "").trim();
  return useQuery({
    queryKey: ["documents", String(documentId ?? "new"), "pii", asked] as const,
    queryFn: async ({ signal }) =>
      unwrap(
        await api.POST("/api/disclosure/draft-scan/", {
          body: { title: asked.title, body: asked.body, ...(documentId ? { document: documentId } : {}) },
          signal,
        }),
      ).findings,
    enabled: !empty,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: false,
  });
}

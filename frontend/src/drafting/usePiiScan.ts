import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { api } from "@/api/client";
import { unwrap } from "@/api/errors";
import type { components } from "@/api/schema";
import type { Kind } from "./schema";

export type PiiFinding = components["schemas"]["DraftFindingOutput"];
export type GroundSignal = components["schemas"]["DraftSignalOutput"];
export type DraftScan = components["schemas"]["DraftScanOutput"];

export const PII_DEBOUNCE_MS = 1200;

/**
 * What the server's detector (POST /api/disclosure/draft-scan/) reads in what is being
 * typed, asked once typing pauses and never mid-syllable: the personal information in
 * it, and the signals of the grounds of Article 9(1) that the document's kind and text
 * carry. The answer never holds the matched text, only a masked preview.
 */
export function usePiiScan({
  kind,
  title,
  body,
  documentId,
  composing,
}: {
  kind: Kind;
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
    queryKey: ["documents", String(documentId ?? "new"), "pii", kind, asked] as const,
    queryFn: async ({ signal }): Promise<DraftScan> =>
      unwrap(
        await api.POST("/api/disclosure/draft-scan/", {
          body: { title: asked.title, body: asked.body, kind, ...(documentId ? { document: documentId } : {}) },
          signal,
        }),
      ),
    enabled: !empty,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
    gcTime: 60_000,
    retry: false,
  });
}

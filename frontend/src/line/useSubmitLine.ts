import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useNavigate } from "@tanstack/react-router";
import { useRef } from "react";
import { useTranslation } from "react-i18next";
import { api, newIdempotencyKey } from "@/api/client";
import { ApiFailure, unwrap } from "@/api/errors";
import { type Line, type LineErrors, lineToInput, mapLineErrors } from "./lineState";
import type { DocumentDetail } from "./queries";

export interface SubmitCallbacks {
  /** The server refused: its line errors mapped onto `sent` (if any), and what to say above the line. */
  onRefused: (sent: Line, errors: LineErrors | null, problem: string) => void;
}

/**
 * Submits the document on the line (resubmits a returned or recalled one), once per
 * intention: a double tap or a retry of the same line reuses its Idempotency-Key.
 * Then the document opens.
 */
export function useSubmitLine(document: DocumentDetail, { onRefused }: SubmitCallbacks) {
  const { t } = useTranslation("line");
  const id = String(document.id);
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const idempotency = useRef<{ line: Line; key: string } | null>(null);

  return useMutation({
    mutationFn: async (sent: Line) => {
      if (idempotency.current?.line !== sent) idempotency.current = { line: sent, key: newIdempotencyKey() };
      const options = {
        params: { path: { id }, header: { "Idempotency-Key": idempotency.current.key } },
        body: { line: lineToInput(sent) },
      };
      return unwrap(
        document.submitted_at
          ? await api.POST("/api/documents/{id}/resubmit/", options)
          : await api.POST("/api/documents/{id}/submit/", options),
      );
    },
    onSuccess: async () => {
      // To the document first (this editor has nothing left to show), then everything the
      // submission changed (the document, the boxes and their counts) is read again.
      queryClient.removeQueries({ queryKey: ["documents", id, "line"] });
      await navigate({ to: "/documents/$id", params: { id } });
      void queryClient.invalidateQueries();
    },
    onError: (error, sent) => {
      // A definite answer ends that intention; only a request that may not have arrived
      // (no answer, 5xx) is sent again with the same key.
      if (error instanceof ApiFailure && error.status < 500) idempotency.current = null;
      if (error instanceof ApiFailure && error.status === 400 && error.body) {
        const lineOnly = (error.body.errors ?? []).filter((item) => item.field === "line" || item.field.startsWith("line."));
        const others = (error.body.errors ?? []).filter((item) => !lineOnly.includes(item));
        onRefused(sent, mapLineErrors(sent, lineOnly), others.length ? others.map((item) => item.message).join(" ") : t("submit.fix"));
      } else {
        onRefused(sent, null, error instanceof ApiFailure ? error.message : t("common:errors.network"));
      }
    },
  });
}

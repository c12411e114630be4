import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { api } from "@/api/client";
import { ApiFailure, unwrap } from "@/api/errors";
import type { components } from "@/api/schema";
import type { OfferedAction } from "./actions";
import { IntentKeys } from "./intents";
import { documentKey } from "./queries";

export interface ActionInput {
  comment?: string;
  reason?: string;
  to?: components["schemas"]["ToEnum"];
  content?: Record<string, unknown>;
}

export interface ActionRequest {
  action: OfferedAction;
  input: ActionInput;
}

type Header = { "Idempotency-Key": string };

async function send(documentId: number, { action, input }: ActionRequest, header: Header): Promise<unknown> {
  const task = { path: { id: String(action.taskId ?? 0) }, header };
  const document = { path: { id: String(documentId) }, header };
  const comment = input.comment ?? "";
  const reason = input.reason ?? "";
  switch (action.name) {
    case "approve":
      return unwrap(await api.POST("/api/tasks/{id}/approve/", { params: task, body: { comment } }));
    case "agree":
      return unwrap(await api.POST("/api/tasks/{id}/agree/", { params: task, body: { comment } }));
    case "disagree":
      return unwrap(await api.POST("/api/tasks/{id}/disagree/", { params: task, body: { comment } }));
    case "return":
      return unwrap(await api.POST("/api/tasks/{id}/return/", { params: task, body: { reason, to: input.to ?? "drafter" } }));
    case "hold":
      return unwrap(await api.POST("/api/tasks/{id}/hold/", { params: task, body: { reason } }));
    case "release":
      return unwrap(await api.POST("/api/tasks/{id}/release/", { params: task }));
    case "post-approve":
      return unwrap(await api.POST("/api/tasks/{id}/post-approve/", { params: task }));
    case "edit":
      return unwrap(await api.POST("/api/tasks/{id}/edit/", { params: task, body: { content: input.content ?? {} } }));
    case "recall":
      return unwrap(await api.POST("/api/documents/{id}/recall/", { params: document }));
    case "resubmit":
      return unwrap(await api.POST("/api/documents/{id}/resubmit/", { params: document, body: {} }));
    case "withdraw":
      return unwrap(await api.POST("/api/documents/{id}/withdraw/", { params: document, body: { reason } }));
  }
}

const intentOf = ({ action }: ActionRequest) => `${action.name}:${action.taskId ?? "document"}`;

/**
 * Runs one action at a time on a document. Each intention keeps its Idempotency-Key
 * until it succeeds, so a retry after a failure acts once. After success the document
 * and the boxes are read again and `onActed` lets a box open its next item.
 */
export function useDocumentAction(documentId: number, onActed?: (action: OfferedAction) => void) {
  const queryClient = useQueryClient();
  const intents = useRef(new IntentKeys());
  return useMutation({
    mutationFn: (request: ActionRequest) => {
      const key = intents.current.keyFor(intentOf(request), request.input);
      return send(documentId, request, { "Idempotency-Key": key });
    },
    onError: async (error) => {
      if (error instanceof ApiFailure && error.status === 409) {
        await queryClient.invalidateQueries({ queryKey: documentKey(documentId) });
      }
    },
    onSuccess: async (_data, request) => {
      intents.current.done(intentOf(request));
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: documentKey(documentId) }),
        queryClient.invalidateQueries({ queryKey: ["boxes"] }),
        queryClient.invalidateQueries({ queryKey: ["notifications"] }),
      ]);
      onActed?.(request.action);
    },
  });
}

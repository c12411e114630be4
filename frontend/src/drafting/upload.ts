// Attachment upload with progress. fetch() cannot report upload progress (a streaming
// request body is not available in every browser we support, and never over HTTP/1.1),
// so this one request uses XMLHttpRequest: the single exception to "every request goes
// through src/api/client.ts". Its URL and answer are typed from the generated `paths`,
// and it sends the same CSRF token and language as the client's middleware.
import { readCookie } from "@/api/client";
import { type ApiError, isApiError } from "@/api/errors";
import type { paths } from "@/api/schema";
import i18n from "@/i18n";

type UploadOperation = paths["/api/documents/{id}/attachments/"]["post"];
export type UploadedAttachment = UploadOperation["responses"][201]["content"]["application/json"];
const UPLOAD_PATH = "/api/documents/{id}/attachments/" satisfies keyof paths;

export type UploadResult =
  | { ok: true; attachment: UploadedAttachment }
  | { ok: false; status: number; error: ApiError | null };

export interface UploadHandle {
  promise: Promise<UploadResult>;
  abort: () => void;
}

export function uploadAttachment(
  documentId: number,
  file: File,
  onProgress: (fraction: number) => void,
): UploadHandle {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<UploadResult>((resolve) => {
    xhr.open("POST", UPLOAD_PATH.replace("{id}", String(documentId)));
    xhr.setRequestHeader("Accept", "application/json");
    xhr.setRequestHeader("Accept-Language", i18n.language || "ko");
    const token = readCookie("csrftoken");
    if (token) xhr.setRequestHeader("X-CSRFToken", token);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status === 201 && body) {
        onProgress(1);
        resolve({ ok: true, attachment: body as UploadedAttachment });
      } else {
        resolve({ ok: false, status: xhr.status, error: isApiError(body) ? body : null });
      }
    };
    xhr.onerror = () => resolve({ ok: false, status: 0, error: null });
    xhr.onabort = () => resolve({ ok: false, status: -1, error: null });
    const form = new FormData();
    form.append("file", file);
    xhr.send(form);
  });
  return { promise, abort: () => xhr.abort() };
}

/** The server's words for a refused file (its type, size or content), one line each. */
export function uploadMessages(result: Extract<UploadResult, { ok: false }>, fallback: string): string[] {
  const messages = (result.error?.errors ?? []).map((item) => item.message);
  if (messages.length) return messages;
  return [result.error?.detail || fallback];
}

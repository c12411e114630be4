// The document's server state: one query per endpoint, all keyed under ["documents", id]
// so an action invalidates the whole document at once.
import { queryOptions } from "@tanstack/react-query";
import { api } from "@/api/client";
import { ApiFailure, unwrap } from "@/api/errors";
import type { components } from "@/api/schema";

type Schemas = components["schemas"];
export type DocumentDetail = Schemas["DocumentDetailOutput"];
export type Step = Schemas["StepOutput"];
export type Stage = Schemas["StageOutput"];
export type ApprovalBox = Schemas["ApprovalBoxOutput"];
export type Rendition = Schemas["RenditionOutput"];
export type TaskDetail = Schemas["TaskDetailOutput"];
export type VersionBrief = Schemas["VersionBrief"];
export type VersionDiff = Schemas["VersionDiffOutput"];
export type Attachment = Schemas["AttachmentOutput"];
export type Verification = Schemas["VerifyOutput"];

export const documentKey = (id: number) => ["documents", id] as const;
const path = (id: number) => ({ path: { id: String(id) } });

export const documentQuery = (id: number) =>
  queryOptions({
    queryKey: [...documentKey(id), "detail"],
    queryFn: async () => unwrap(await api.GET("/api/documents/{id}/", { params: path(id) })),
  });

/** The approval box as the PDF prints it: only an approved document has one. */
export const approvalBoxQuery = (id: number, enabled: boolean) =>
  queryOptions({
    queryKey: [...documentKey(id), "approval-box"],
    queryFn: async () => unwrap(await api.GET("/api/documents/{id}/approval-box/", { params: path(id) })),
    enabled,
  });

export const RENDITION_POLL_MS = 4_000;

/** Whether the signed PDF is still being made, so the screen keeps asking. */
export function renditionInFlight(rendition: Pick<Rendition, "status" | "countersignatures"> | null | undefined): boolean {
  if (!rendition) return false;
  if (rendition.status === "pending" || rendition.status === "rendering") return true;
  return rendition.countersignatures.some((c) => c.status === "pending" || c.status === "signing");
}

export const renditionQuery = (id: number, enabled: boolean) =>
  queryOptions({
    queryKey: [...documentKey(id), "rendition"],
    queryFn: async () => unwrap(await api.GET("/api/documents/{id}/rendition/", { params: path(id) })),
    enabled,
    refetchInterval: (query) => (renditionInFlight(query.state.data) ? RENDITION_POLL_MS : false),
  });

export const versionsQuery = (id: number) =>
  queryOptions({
    queryKey: [...documentKey(id), "versions"],
    queryFn: async () => unwrap(await api.GET("/api/documents/{id}/versions/", { params: path(id) })),
  });

export const diffQuery = (id: number, older: number, newer: number) =>
  queryOptions({
    queryKey: [...documentKey(id), "diff", older, newer],
    queryFn: async () =>
      unwrap(
        await api.GET("/api/documents/{id}/versions/diff/", {
          params: { path: { id: String(id) }, query: { old: older, new: newer } },
        }),
      ),
    enabled: older !== newer,
    staleTime: Infinity, // two versions never change
  });

export const taskQuery = (documentId: number, stepId: number) =>
  queryOptions({
    queryKey: [...documentKey(documentId), "task", stepId],
    queryFn: async () => unwrap(await api.GET("/api/tasks/{id}/", { params: { path: { id: String(stepId) } } })),
  });

/** A file the API serves as a download, read as a Blob so the page can show it inline. */
async function blobOf(result: { data?: unknown; error?: unknown; response: Response }): Promise<Blob> {
  if (!result.response.ok || result.response.status !== 200) {
    throw new ApiFailure(result.response.status, null);
  }
  return result.data as Blob;
}

export const attachmentBlobQuery = (documentId: number, attachmentId: number, enabled: boolean) =>
  queryOptions({
    queryKey: [...documentKey(documentId), "attachment", attachmentId],
    queryFn: async () =>
      blobOf(
        await api.GET("/api/documents/{id}/attachments/{attachment_id}/download/", {
          params: { path: { id: String(documentId), attachment_id: String(attachmentId) } },
          parseAs: "blob",
        }),
      ),
    enabled,
    staleTime: Infinity, // an attachment's bytes never change (its SHA-256 is its name)
  });

export const pdfBlobQuery = (id: number, sha256: string, enabled: boolean) =>
  queryOptions({
    queryKey: [...documentKey(id), "pdf", sha256],
    queryFn: async () => blobOf(await api.GET("/api/documents/{id}/pdf/", { params: path(id), parseAs: "blob" })),
    enabled,
    staleTime: Infinity,
  });

/** Verify the signed PDF through the public verification endpoint, as a citizen would. */
export async function verifyPdf(file: Blob, name: string): Promise<Verification> {
  const form = new FormData();
  form.append("file", file, name);
  return unwrap(
    await api.POST("/api/verify/", {
      body: { file: name },
      bodySerializer: () => form,
    }),
  );
}

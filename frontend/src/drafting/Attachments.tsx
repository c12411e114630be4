import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "@/api/client";
import { unwrap } from "@/api/errors";
import type { components } from "@/api/schema";
import { Button } from "@/ui/Button";
import { uploadAttachment, uploadMessages } from "./upload";

type Attachment = components["schemas"]["AttachmentOutput"];

// What the server accepts (documents.filetypes): offered to the file chooser as a hint;
// the server still checks the name and the content and its answer is what counts.
const ACCEPT = ".pdf,.hwp,.hwpx,.docx,.xlsx,.pptx,.png,.jpg,.jpeg,.txt,.csv";

interface Upload {
  key: string;
  name: string;
  size: number;
  progress: number;
  errors: string[] | null;
  abort: () => void;
}

export const attachmentsQuery = (documentId: number) => ({
  queryKey: ["documents", String(documentId), "attachments"] as const,
  queryFn: async () =>
    unwrap(await api.GET("/api/documents/{id}/attachments/", { params: { path: { id: String(documentId) } } })),
});

export function formatSize(bytes: number, language: string): string {
  const format = (n: number, unit: string) =>
    `${new Intl.NumberFormat(language === "en" ? "en-GB" : "ko-KR", { maximumFractionDigits: 1 }).format(n)} ${unit}`;
  if (bytes < 1024) return format(bytes, "B");
  if (bytes < 1024 * 1024) return format(bytes / 1024, "KB");
  return format(bytes / (1024 * 1024), "MB");
}

interface AttachmentsProps {
  documentId: number | null;
  initial: readonly Attachment[];
  /** Runs an attachment change with no save in flight (useAutosave's exclusive). */
  exclusive: (op: () => Promise<boolean>) => Promise<boolean>;
}

export function Attachments({ documentId, initial, exclusive }: AttachmentsProps) {
  const { t, i18n } = useTranslation("drafting");
  const queryClient = useQueryClient();
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [removeError, setRemoveError] = useState<string | null>(null);
  const list = useQuery({
    ...attachmentsQuery(documentId ?? 0),
    enabled: documentId !== null,
    initialData: [...initial],
  });
  const attachments = list.data ?? [];

  const patch = (key: string, change: Partial<Upload>) =>
    setUploads((current) => current.map((u) => (u.key === key ? { ...u, ...change } : u)));

  function start(file: File) {
    if (documentId === null) return;
    const key = `${file.name}-${file.size}-${Date.now()}-${Math.random()}`;
    let abort = () => undefined as void;
    setUploads((current) => [...current, { key, name: file.name, size: file.size, progress: 0, errors: null, abort: () => abort() }]);
    void exclusive(async () => {
      const handle = uploadAttachment(documentId, file, (fraction) => patch(key, { progress: fraction }));
      abort = handle.abort;
      const result = await handle.promise;
      if (result.ok) {
        setUploads((current) => current.filter((u) => u.key !== key));
        queryClient.setQueryData(attachmentsQuery(documentId).queryKey, (old: Attachment[] | undefined) => [
          ...(old ?? []),
          result.attachment,
        ]);
        return true;
      }
      if (result.status === -1) {
        setUploads((current) => current.filter((u) => u.key !== key));
        return false;
      }
      patch(key, { errors: uploadMessages(result, t("attachments.failed")) });
      return false;
    });
  }

  async function remove(attachment: Attachment) {
    if (documentId === null) return;
    setRemoveError(null);
    await exclusive(async () => {
      const result = await api.DELETE("/api/documents/{id}/attachments/{attachment_id}/", {
        params: { path: { id: String(documentId), attachment_id: String(attachment.id) } },
      });
      if (!result.response.ok) {
        const error = result.error as { detail?: string } | undefined;
        setRemoveError(error?.detail ?? t("attachments.removeFailed"));
        return false;
      }
      queryClient.setQueryData(attachmentsQuery(documentId).queryKey, (old: Attachment[] | undefined) =>
        (old ?? []).filter((item) => item.id !== attachment.id),
      );
      return true;
    });
  }

  return (
    <fieldset className="draft-section">
      <legend className="draft-section__title">{t("attachments.title")}</legend>
      {documentId === null ? <p className="muted">{t("attachments.saveFirst")}</p> : null}
      <div className="attachments__pick">
        <label htmlFor={inputId} className="field__label">
          {t("attachments.choose")}
        </label>
        <input
          id={inputId}
          ref={inputRef}
          type="file"
          multiple
          accept={ACCEPT}
          className="attachments__input"
          disabled={documentId === null}
          aria-describedby={`${inputId}-hint`}
          onChange={(event) => {
            for (const file of Array.from(event.target.files ?? [])) start(file);
            event.target.value = "";
          }}
        />
        <p className="muted attachments__hint" id={`${inputId}-hint`}>
          {t("attachments.hint")}
        </p>
      </div>
      <ul className="attachments__list">
        {attachments.map((item) => (
          <li key={item.id} className="attachments__item">
            <span className="attachments__name">{item.name}</span>
            <span className="muted">{formatSize(item.size, i18n.language)}</span>
            <Button
              size="small"
              variant="tertiary"
              onPress={() => void remove(item)}
              aria-label={t("attachments.removeNamed", { name: item.name })}
            >
              {t("attachments.remove")}
            </Button>
          </li>
        ))}
        {uploads.map((upload) => (
          <li key={upload.key} className={upload.errors ? "attachments__item attachments__item--error" : "attachments__item"}>
            <span className="attachments__name">{upload.name}</span>
            <span className="muted">{formatSize(upload.size, i18n.language)}</span>
            {upload.errors ? (
              <>
                <div className="attachments__errors" role="alert">
                  {upload.errors.map((message) => (
                    <p key={message} className="field__error">
                      {message}
                    </p>
                  ))}
                </div>
                <Button
                  size="small"
                  variant="tertiary"
                  onPress={() => setUploads((current) => current.filter((u) => u.key !== upload.key))}
                  aria-label={t("attachments.dismissNamed", { name: upload.name })}
                >
                  {t("attachments.dismiss")}
                </Button>
              </>
            ) : (
              <>
                <progress
                  className="attachments__progress"
                  max={100}
                  value={Math.round(upload.progress * 100)}
                  aria-label={t("attachments.progress", { name: upload.name })}
                />
                <span className="muted" aria-hidden="true">
                  {Math.round(upload.progress * 100)}%
                </span>
                <Button size="small" variant="tertiary" onPress={upload.abort} aria-label={t("attachments.cancelNamed", { name: upload.name })}>
                  {t("attachments.cancel")}
                </Button>
              </>
            )}
          </li>
        ))}
      </ul>
      {removeError ? (
        <p className="field__error" role="alert">
          {removeError}
        </p>
      ) : null}
    </fieldset>
  );
}

import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Attachment, attachmentBlobQuery } from "./queries";
import { useObjectUrl } from "./useObjectUrl";

export function formatSize(bytes: number, language: string): string {
  const units = ["B", "KB", "MB", "GB"];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return `${new Intl.NumberFormat(language === "en" ? "en-GB" : "ko-KR", { maximumFractionDigits: unit ? 1 : 0 }).format(value)} ${units[unit]}`;
}

export const previewable = (type: string) => type === "application/pdf" || type.startsWith("image/");

function Preview({ documentId, attachment }: { documentId: number; attachment: Attachment }) {
  const { t } = useTranslation("document");
  const blob = useQuery(attachmentBlobQuery(documentId, attachment.id, true));
  const url = useObjectUrl(blob.data);
  if (blob.isError) return <p className="notice notice--danger">{t("errors.load")}</p>;
  if (!url) return <p className="muted">{t("loading")}</p>;
  return (
    <div className="doc-preview">
      {attachment.content_type === "application/pdf" ? (
        <iframe className="doc-preview__pdf" src={url} title={attachment.name} />
      ) : (
        <img className="doc-preview__image" src={url} alt={attachment.name} />
      )}
      <a href={url} download={attachment.name}>
        {t("attachments.download", { name: attachment.name })}
      </a>
    </div>
  );
}

function Download({ documentId, attachment }: { documentId: number; attachment: Attachment }) {
  const { t } = useTranslation("document");
  const [wanted, setWanted] = useState(false);
  const blob = useQuery(attachmentBlobQuery(documentId, attachment.id, wanted));
  const url = useObjectUrl(blob.data);
  if (url) {
    return (
      <a className="btn btn--tertiary btn--small" href={url} download={attachment.name}>
        {t("attachments.save", { name: attachment.name })}
      </a>
    );
  }
  return (
    <button type="button" className="btn btn--tertiary btn--small" aria-busy={blob.isFetching || undefined} onClick={() => setWanted(true)}>
      {t("attachments.get", { name: attachment.name })}
    </button>
  );
}

export function Attachments({ documentId, attachments }: { documentId: number; attachments: Attachment[] }) {
  const { t, i18n } = useTranslation("document");
  const [open, setOpen] = useState<number | null>(null);
  if (attachments.length === 0) return <p className="muted">{t("attachments.none")}</p>;
  return (
    <ul className="doc-attachments">
      {attachments.map((attachment) => (
        <li key={attachment.id} className="doc-attachments__item">
          <p className="doc-attachments__name">
            <strong>{attachment.name}</strong>{" "}
            <span className="muted">
              {attachment.content_type} · {formatSize(attachment.size, i18n.language)}
            </span>
          </p>
          <div className="doc-attachments__tools">
            {previewable(attachment.content_type) ? (
              <button
                type="button"
                className="btn btn--secondary btn--small"
                aria-expanded={open === attachment.id}
                onClick={() => setOpen(open === attachment.id ? null : attachment.id)}
              >
                {open === attachment.id ? t("attachments.hide") : t("attachments.preview")}
              </button>
            ) : (
              <Download documentId={documentId} attachment={attachment} />
            )}
          </div>
          {open === attachment.id ? <Preview documentId={documentId} attachment={attachment} /> : null}
        </li>
      ))}
    </ul>
  );
}

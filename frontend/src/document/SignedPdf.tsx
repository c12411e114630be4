import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiFailure } from "@/api/errors";
import { Button } from "@/ui/Button";
import { formatDateTime } from "@/ui/format";
import { pdfBlobQuery, type Rendition, renditionInFlight, renditionQuery, verifyPdf } from "./queries";
import { useObjectUrl } from "./useObjectUrl";

function Verification({ blob, name }: { blob: Blob; name: string }) {
  const { t, i18n } = useTranslation("document");
  const verify = useMutation({ mutationFn: () => verifyPdf(blob, name) });
  const result = verify.data;
  return (
    <div className="doc-verify">
      <Button variant="secondary" onPress={() => verify.mutate()} isPending={verify.isPending}>
        {t("pdf.verify")}
      </Button>
      <div aria-live="polite">
        {result ? (
          <div className={`notice ${result.valid ? "notice--success" : "notice--danger"}`}>
            <p>
              <strong>{result.valid ? t("pdf.valid") : t("pdf.invalid", { code: result.code })}</strong>
            </p>
            {result.reason ? <p>{result.reason}</p> : null}
            <ul className="doc-verify__facts">
              <li>{t("pdf.intact")}: {result.intact ? t("yes") : t("no")}</li>
              <li>{t("pdf.unmodified")}: {result.unmodified ? t("yes") : t("no")}</li>
              <li>{t("pdf.trusted")}: {result.trusted ? t("yes") : t("no")}</li>
              <li>{t("pdf.timestamped")}: {result.timestamped ? t("yes") : t("no")}</li>
              {result.document_number ? <li>{t("number")}: {result.document_number}</li> : null}
              {result.signed_at ? <li>{t("pdf.signedAt")}: {formatDateTime(result.signed_at, i18n.language)}</li> : null}
              {result.signer ? <li>{t("pdf.signer")}: {result.signer.subject}</li> : null}
            </ul>
          </div>
        ) : verify.error ? (
          <p className="notice notice--danger" role="alert">
            {verify.error instanceof ApiFailure ? (verify.error.body?.detail ?? t("errors.failed", { status: verify.error.status })) : t("errors.network")}
          </p>
        ) : null}
      </div>
    </div>
  );
}

function Done({ documentId, rendition }: { documentId: number; rendition: Rendition }) {
  const { t, i18n } = useTranslation("document");
  const [shown, setShown] = useState(false);
  const blob = useQuery(pdfBlobQuery(documentId, rendition.sha256 ?? "", shown));
  const url = useObjectUrl(blob.data);
  const name = `${rendition.document_number}.pdf`;
  return (
    <>
      <ul className="doc-pdf__facts">
        {rendition.signed_at ? <li>{t("pdf.signedAt")}: {formatDateTime(rendition.signed_at, i18n.language)}</li> : null}
        {rendition.signer_subject ? <li>{t("pdf.signer")}: {rendition.signer_subject}</li> : null}
        {rendition.pages ? <li>{t("pdf.pages", { count: rendition.pages })}</li> : null}
        {rendition.sha256 ? <li>SHA-256: <span className="doc-hash">{rendition.sha256}</span></li> : null}
        {rendition.countersignatures.map((countersignature) => (
          <li key={countersignature.created_at}>
            {countersignature.label} · {t(`pdf.countersign.${countersignature.status ?? "pending"}`)}
          </li>
        ))}
      </ul>
      {!shown ? (
        <Button variant="primary" onPress={() => setShown(true)}>
          {t("pdf.open")}
        </Button>
      ) : url && blob.data ? (
        <>
          <iframe className="doc-preview__pdf" src={url} title={t("pdf.frame", { name })} />
          <p className="doc-pdf__tools">
            <a className="btn btn--tertiary btn--medium" href={url} download={name}>
              {t("pdf.download")}
            </a>
          </p>
          <Verification blob={blob.data} name={name} />
        </>
      ) : blob.isError ? (
        <p className="notice notice--danger">{t("errors.load")}</p>
      ) : (
        <p className="muted">{t("loading")}</p>
      )}
    </>
  );
}

/** The signed official PDF: its state while it is made (asked again every few seconds), then the file. */
export function SignedPdf({ documentId }: { documentId: number }) {
  const { t } = useTranslation("document");
  const query = useQuery(renditionQuery(documentId, true));
  const rendition = query.data;
  if (query.isPending) return <p className="muted">{t("loading")}</p>;
  if (!rendition) return <p className="notice notice--danger">{t("errors.load")}</p>;
  return (
    <div className="doc-pdf">
      <p className="doc-pdf__status" role="status">
        <span className={`badge ${rendition.status === "done" ? "badge--accent" : rendition.status === "failed" ? "badge--danger" : "badge--warning"}`}>
          {t(`pdf.status.${rendition.status ?? "pending"}`)}
        </span>{" "}
        {renditionInFlight(rendition) ? <span className="muted">{t("pdf.polling")}</span> : null}
      </p>
      {rendition.status === "failed" ? <p className="notice notice--danger">{rendition.failure_reason}</p> : null}
      {rendition.status === "done" ? <Done documentId={documentId} rendition={rendition} /> : null}
    </div>
  );
}

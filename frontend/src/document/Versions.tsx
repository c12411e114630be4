import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/ui/format";
import { diffQuery, type VersionBrief, type VersionDiff, versionsQuery } from "./queries";

/** A word-level redline: deletions struck through, insertions underlined, each also named in words. */
export function Redline({ diff }: { diff: VersionDiff }) {
  const { t } = useTranslation("document");
  if (diff.body.every((op) => op.op === "equal") && diff.changes.length === 0) {
    return <p className="muted">{t("versions.same")}</p>;
  }
  return (
    <>
      {diff.changes.length > 0 ? (
        <table className="doc-changes">
          <caption>{t("versions.fields")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("versions.field")}</th>
              <th scope="col">{t("versions.old")}</th>
              <th scope="col">{t("versions.new")}</th>
            </tr>
          </thead>
          <tbody>
            {diff.changes.map((change) => (
              <tr key={change.field}>
                <th scope="row">{t(`fields.${change.field.replace(/\./g, "_")}`, { defaultValue: change.field })}</th>
                <td><del>{String(change.old ?? "")}</del></td>
                <td><ins>{String(change.new ?? "")}</ins></td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <p className="doc-redline">
        {diff.body.map((op, index) =>
          op.op === "insert" ? (
            <ins key={index} className="doc-redline__ins">
              <span className="visually-hidden">{t("versions.inserted")} </span>
              {op.text}
            </ins>
          ) : op.op === "delete" ? (
            <del key={index} className="doc-redline__del">
              <span className="visually-hidden">{t("versions.deleted")} </span>
              {op.text}
            </del>
          ) : (
            <span key={index}>{op.text}</span>
          ),
        )}
      </p>
    </>
  );
}

function VersionPicker({ label, value, versions, onChange }: {
  label: string; value: number; versions: VersionBrief[]; onChange: (value: number) => void;
}) {
  const { t, i18n } = useTranslation("document");
  const id = useId();
  return (
    <div className="doc-versions__pick">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => onChange(Number(event.target.value))}>
        {versions.map((version) => (
          <option key={version.number} value={version.number}>
            {t("versions.option", {
              number: version.number,
              reason: t(`versions.reason.${version.reason}`),
              who: version.created_by,
              at: formatDateTime(version.created_at, i18n.language),
            })}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Versions({ documentId }: { documentId: number }) {
  const { t, i18n } = useTranslation("document");
  const versions = useQuery(versionsQuery(documentId));
  const list = versions.data ?? [];
  const last = list.at(-1)?.number ?? 1;
  const [picked, setPicked] = useState<{ old: number; new: number } | null>(null);
  const older = picked?.old ?? list.at(-2)?.number ?? last;
  const newer = picked?.new ?? last;
  const diff = useQuery(diffQuery(documentId, Math.min(older, newer), Math.max(older, newer)));
  if (versions.isPending) return <p className="muted">{t("loading")}</p>;
  if (versions.isError) return <p className="notice notice--danger">{t("errors.load")}</p>;
  return (
    <>
      <ol className="doc-versions__list">
        {list.map((version) => (
          <li key={version.number}>
            <strong>{t("versions.number", { number: version.number })}</strong> · {t(`versions.reason.${version.reason}`)} ·{" "}
            {version.created_by} · <time dateTime={version.created_at}>{formatDateTime(version.created_at, i18n.language)}</time>
            <span className="doc-hash" title={version.content_hash}> {version.content_hash.slice(0, 12)}</span>
          </li>
        ))}
      </ol>
      {list.length > 1 ? (
        <>
          <div className="doc-versions__compare">
            <VersionPicker label={t("versions.compareOld")} value={older} versions={list} onChange={(value) => setPicked({ old: value, new: newer })} />
            <VersionPicker label={t("versions.compareNew")} value={newer} versions={list} onChange={(value) => setPicked({ old: older, new: value })} />
          </div>
          <div aria-live="polite">
            {older === newer ? (
              <p className="muted">{t("versions.pickTwo")}</p>
            ) : diff.data ? (
              <Redline diff={diff.data} />
            ) : diff.isError ? (
              <p className="notice notice--danger">{t("errors.load")}</p>
            ) : (
              <p className="muted">{t("loading")}</p>
            )}
          </div>
        </>
      ) : null}
    </>
  );
}

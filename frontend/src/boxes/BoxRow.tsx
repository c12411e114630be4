import { Link } from "@tanstack/react-router";
import type { Ref } from "react";
import { useTranslation } from "react-i18next";
import { formatDate } from "@/ui/format";
import { type Box, type BoxItem, dueBadge, isRecalled, proxyFor } from "./boxes";
import "./badges.css";

interface Props {
  box: Box;
  item: BoxItem;
  personId: number | undefined;
  /** Wide screen: the link opens the document beside the list instead of on its own page. */
  beside: boolean;
  isOpen: boolean;
  isSelected: boolean;
  linkRef?: Ref<HTMLAnchorElement>;
  onFocus?: () => void;
  checkbox?: { checked: boolean; onChange: (checked: boolean) => void } | undefined;
}

export function DueBadge({ item, now }: { item: BoxItem; now?: Date }) {
  const { t } = useTranslation("boxes");
  const badge = dueBadge(item.step, now);
  if (!badge) return null;
  // The words carry the meaning; the colour only repeats it.
  if (badge.tone === "overdue") return <span className="badge badge--danger">{t("due.overdue", { count: badge.days })}</span>;
  if (badge.tone === "today") return <span className="badge badge--warning">{t("due.today")}</span>;
  return <span className={badge.tone === "soon" ? "badge badge--warning" : "badge"}>{t("due.days", { count: badge.days })}</span>;
}

export function BoxRow({ box, item, personId, beside, isOpen, isSelected, linkRef, onFocus, checkbox }: Props) {
  const { t, i18n } = useTranslation("boxes");
  const { document, step } = item;
  const proxy = proxyFor(item, personId);
  const recalled = isRecalled(item);
  const date = step?.activated_at ?? document.submitted_at ?? document.updated_at;
  const dateLabel = step?.activated_at ? t("row.arrived") : document.submitted_at ? t("row.submitted") : t("row.updated");
  const titleId = `box-row-${step?.id ?? "d"}-${document.id}`;
  const link =
    box === "drafts" ? (
      <Link to="/documents/$id/edit" params={{ id: String(document.id) }} ref={linkRef} className="box-row__link" id={titleId}>
        {document.title || t("row.untitled")}
      </Link>
    ) : beside ? (
      <Link
        to="/boxes/$box"
        params={{ box }}
        search={(prev) => ({ ...prev, open: document.id })}
        ref={linkRef}
        className="box-row__link"
        id={titleId}
      >
        {document.title || t("row.untitled")}
      </Link>
    ) : (
      <Link to="/documents/$id" params={{ id: String(document.id) }} ref={linkRef} className="box-row__link" id={titleId}>
        {document.title || t("row.untitled")}
      </Link>
    );
  return (
    <li className="box-row" data-open={isOpen || undefined} data-selected={isSelected || undefined} onFocus={onFocus}>
      {checkbox ? (
        <input
          type="checkbox"
          className="box-row__check"
          checked={checkbox.checked}
          onChange={(event) => checkbox.onChange(event.target.checked)}
          aria-label={t("bulk.selectOne", { title: document.title || t("row.untitled") })}
        />
      ) : null}
      <div className="box-row__main">
        <p className="box-row__title">{link}</p>
        <p className="box-row__meta">
          <span>{t(`kind.${document.kind}`)}</span>
          {document.number ? <span>{document.number}</span> : null}
          <span>
            {document.drafter.name} · {document.unit.name}
          </span>
          <span>
            {dateLabel} <time dateTime={date}>{formatDate(date, i18n.language)}</time>
          </span>
        </p>
        <p className="box-row__badges">
          {step ? <span className="badge">{t(`stage.${step.stage_kind}`, { defaultValue: step.stage_kind })}</span> : null}
          {proxy ? (
            <span className="badge badge--proxy">{t("row.proxy", { name: proxy })}</span>
          ) : null}
          {step?.is_delegated ? <span className="badge">{t("row.delegated")}</span> : null}
          {recalled ? <span className="badge badge--warning">{t("row.recalled")}</span> : null}
          {!step && document.status && box !== "drafts" ? <span className="badge">{t(`status.${document.status}`)}</span> : null}
          <DueBadge item={item} />
        </p>
      </div>
    </li>
  );
}

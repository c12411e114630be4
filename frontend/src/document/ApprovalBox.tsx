import { useTranslation } from "react-i18next";
import type { ApprovalBox as Box, DocumentDetail, Step } from "./queries";
import { currentRound } from "./actions";

interface Cell {
  key: string;
  role: string;
  position: string;
  name: string;
  marks: string[];
  /** Who the signer stood in for (대결). */
  proxyFor?: string | null | undefined;
  date?: string | null | undefined;
  postApproved?: string | null | undefined;
  status?: string | undefined;
}

function stepCell(step: Step, kind: string): Cell {
  const marks: string[] = [];
  if (step.is_delegated) marks.push("전결");
  if (step.is_proxy) marks.push("대결");
  if (step.status === "agreed") marks.push("동의");
  if (step.status === "disagreed") marks.push("부동의");
  const proxy = step.is_proxy && step.acted_by && step.acted_by.id !== step.assignee.id;
  return {
    key: String(step.id),
    role: kind,
    position: step.position_title || step.assignee.position,
    name: proxy && step.acted_by ? step.acted_by.name : step.assignee.name,
    proxyFor: proxy ? step.assignee.name : null,
    marks,
    date: step.acted_at,
    postApproved: step.post_approved_at,
    status: step.status,
  };
}

/** The cells of the current round from the line, before the official box exists. */
export function lineCells(document: Pick<DocumentDetail, "drafter" | "stages" | "submitted_at">): Cell[] {
  const round = currentRound(document);
  const cells: Cell[] = [
    {
      key: "drafter",
      role: "draft",
      position: document.drafter.position,
      name: document.drafter.name,
      marks: [],
      date: document.submitted_at,
    },
  ];
  for (const stage of document.stages) {
    if ((stage.round ?? 1) !== round) continue;
    for (const step of stage.steps) cells.push(stepCell(step, stage.kind));
  }
  return cells;
}

export function boxCells(box: Box): Cell[] {
  return [box.drafter, ...box.signers].map((signer, index) => ({
    key: `${index}`,
    role: signer.role,
    position: signer.position,
    name: signer.name,
    marks: signer.marks,
    proxyFor: signer.proxy_for,
    date: signer.signed_on,
    postApproved: signer.post_approved_on,
  }));
}

/** The box's short date (12. 04.), in Seoul as the official PDF prints it; the year is in the facts below. */
export function boxDate(value: string, language: string): string {
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00+09:00`) : new Date(value);
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "ko-KR", { timeZone: "Asia/Seoul", month: "2-digit", day: "2-digit" }).format(date);
}

const MARKS: Record<string, string> = { 전결: "delegated", 대결: "proxy", 동의: "agreed", 부동의: "disagreed" };

/** The approval box: one column per signer, with 전결, 대결 and 후결 marked in words. */
export function ApprovalBox({ cells, official }: { cells: Cell[]; official: boolean }) {
  const { t, i18n } = useTranslation("document");
  const lng = i18n.language;
  return (
    <div className="doc-box" role="region" aria-label={t("box.label")} tabIndex={0}>
      <table className="doc-box__table">
        <caption className="visually-hidden">{official ? t("box.official") : t("box.line")}</caption>
        <thead>
          <tr>
            {cells.map((cell) => (
              <th key={cell.key} scope="col">
                <span className="doc-box__role">{t(`role.${cell.role}`, { defaultValue: cell.role })}</span>
                {cell.position}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {cells.map((cell) => (
              <td key={cell.key} className={cell.status ? `doc-box__cell doc-box__cell--${cell.status}` : "doc-box__cell"}>
                {cell.marks.length > 0 ? (
                  <span className="doc-box__marks">
                    {cell.marks.map((mark) => (
                      <span key={mark} className="doc-box__mark">
                        {MARKS[mark] ? t(`marks.${MARKS[mark]}`) : mark}
                      </span>
                    ))}
                  </span>
                ) : null}
                <span className="doc-box__name">{cell.name}</span>
                {cell.proxyFor ? (
                  <span className="doc-box__note">{t("box.proxyFor", { name: cell.proxyFor })}</span>
                ) : null}
                {cell.status && !official ? (
                  <span className="doc-box__note">{t(`stepStatus.${cell.status}`)}</span>
                ) : null}
                {cell.date ? <span className="doc-box__date">{boxDate(cell.date, lng)}</span> : null}
                {cell.postApproved ? (
                  <span className="doc-box__post">
                    {t("marks.postApproved")} {boxDate(cell.postApproved, lng)}
                  </span>
                ) : cell.proxyFor ? (
                  <span className="doc-box__note">{t("box.postApprovalDue")}</span>
                ) : null}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}

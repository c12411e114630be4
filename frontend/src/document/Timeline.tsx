import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/ui/format";
import type { DocumentDetail } from "./queries";

type Item = DocumentDetail["timeline"][number];

/** The words an event carried: a reason, a comment, a document number, a round. */
export function eventWords(item: Pick<Item, "details" | "action">): string | null {
  // A step's arrival carries the step as it is now: its later comment is not the arrival's.
  if (item.action === "step.activated") return null;
  const details = item.details as Record<string, unknown> | null;
  if (!details || typeof details !== "object") return null;
  for (const key of ["reason", "comment"] as const) {
    const value = details[key];
    if (typeof value === "string" && value.trim()) return value;
  }
  return null;
}

const stepOf = (item: Pick<Item, "details">) => (item.details as { step?: unknown } | null)?.step;

/** The history without a line item the audit log already tells (the same action on the same step). */
export function withoutRepeats(items: readonly Item[]): Item[] {
  const audited = new Set(items.filter((item) => item.origin === "audit").map((item) => `${item.action}:${String(stepOf(item))}`));
  return items.filter((item) => item.origin !== "line" || !audited.has(`${item.action}:${String(stepOf(item))}`));
}

export function Timeline({ items }: { items: DocumentDetail["timeline"] }) {
  const { t, i18n } = useTranslation("document");
  return (
    <ol className="doc-timeline">
      {withoutRepeats(items).map((item, index) => {
        const words = eventWords(item);
        const details = (item.details ?? {}) as Record<string, unknown>;
        return (
          <li key={`${item.at}-${index}`} className="doc-timeline__item">
            <time dateTime={item.at} className="doc-timeline__time">
              {formatDateTime(item.at, i18n.language)}
            </time>
            <span className="doc-timeline__what">
              <strong>{t(`events.${item.action.replace(/\./g, "_")}`, { defaultValue: item.action })}</strong>
              {item.actor ? <> · {item.actor}</> : null}
              {typeof details.number === "string" && details.number ? <> · {details.number}</> : null}
              {typeof details.version === "number" ? <> · {t("versions.number", { number: details.version })}</> : null}
            </span>
            {words ? <q className="doc-timeline__words">{words}</q> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** Opinions left on the line (approve, agree, disagree), newest round first. */
export function Comments({ document }: { document: Pick<DocumentDetail, "stages" | "timeline"> }) {
  const { t, i18n } = useTranslation("document");
  const fromSteps = document.stages.flatMap((stage) =>
    stage.steps
      .filter((step) => step.comment?.trim())
      .map((step) => ({
        key: `step-${step.id}`,
        who: `${(step.acted_by ?? step.assignee).name} ${step.position_title ?? ""}`.trim(),
        what: t(`stepStatus.${step.status ?? "pending"}`),
        at: step.acted_at ?? "",
        words: step.comment ?? "",
      })),
  );
  const fromEvents = document.timeline
    .filter((item) => item.origin === "audit" && /reason/.test(JSON.stringify(item.details ?? {})))
    .map((item, index) => ({
      key: `event-${index}`,
      who: item.actor,
      what: t(`events.${item.action.replace(/\./g, "_")}`, { defaultValue: item.action }),
      at: item.at,
      words: eventWords(item) ?? "",
    }))
    // A return's reason is also the step's comment: shown once, with the step.
    .filter((item) => item.words && !fromSteps.some((step) => step.words === item.words));
  const all = [...fromSteps, ...fromEvents].sort((a, b) => a.at.localeCompare(b.at));
  if (all.length === 0) return <p className="muted">{t("comments.none")}</p>;
  return (
    <ul className="doc-comments">
      {all.map((item) => (
        <li key={item.key} className="doc-comments__item">
          <p className="doc-comments__who">
            <strong>{item.who}</strong> · {item.what}
            {item.at ? (
              <>
                {" · "}
                <time dateTime={item.at}>{formatDateTime(item.at, i18n.language)}</time>
              </>
            ) : null}
          </p>
          <p className="doc-comments__words">{item.words}</p>
        </li>
      ))}
    </ul>
  );
}

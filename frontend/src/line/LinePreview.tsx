import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { formatDate } from "@/ui/format";
import { type Line, type LineOutput, type LinePerson, type LineStep, stepKey } from "./lineState";

/** "강영희 담당관": who acts instead, as the drafter knows them. */
function who(person: LinePerson): string {
  return [person.name, person.position].filter(Boolean).join(" ");
}

/**
 * How an absence changes a step, in the preview's short words ("과장 부재 → 대결 박지훈 팀장")
 * or the step's longer ones (with the date the absence ends).
 */
export function absenceText(t: TFunction<"line">, language: string, person: LinePerson, step: LineStep, long: boolean): string {
  const position = person.position || person.name;
  const until = step.absent_until ? formatDate(step.absent_until, language) : "";
  const prefix = long ? "steps" : "preview";
  if (!step.acting) return t(`${prefix}.awayWaits`, { position, until });
  return t(step.acting_official ? `${prefix}.awayActing` : `${prefix}.awayDeputy`, { position, until, deputy: who(step.acting) });
}

/** The absent steps of a checked line, by the editor's step keys (stage key and person). */
export function absencesByStep(sent: Line, output: LineOutput): Map<string, LineStep> {
  const found = new Map<string, LineStep>();
  output.stages.forEach((stage, index) => {
    const key = sent.stages[index]?.key;
    if (!key) return;
    for (const step of stage.steps) if (step.absent) found.set(stepKey(key, step.assignee_id), step);
  });
  return found;
}

/**
 * The approval box as the document will carry it: one cell per step in order, the final
 * approval marked 전결 when it is delegated, and who acts for an absent approver (대결).
 */
export function LinePreview({ output }: { output: LineOutput }) {
  const { t, i18n } = useTranslation("line");
  const last = output.stages.length - 1;
  return (
    <div className="line-preview">
      <ol className="line-preview__cells">
        {output.stages.flatMap((stage, index) =>
          stage.assignees.map((person) => {
            const step = stage.steps.find((item) => item.assignee_id === person.id);
            const final = index === last && stage.kind === "approve";
            return (
              <li key={`${index}-${person.id}`} className="line-preview__cell" data-kind={stage.kind} data-absent={step?.absent || undefined}>
                <span className="line-preview__kind">{t(`kind.${stage.kind}`)}</span>
                <span className="line-preview__position">{person.position || "—"}</span>
                <span className="line-preview__name">{person.name}</span>
                {final && output.delegated ? <span className="line-preview__mark">{t("preview.delegated")}</span> : null}
                {step?.absent ? (
                  <span className="line-preview__away">
                    <span aria-hidden="true">⚠ </span>
                    {absenceText(t, i18n.language, person, step, false)}
                  </span>
                ) : null}
              </li>
            );
          }),
        )}
      </ol>
      {output.references.length ? (
        <p className="line-preview__references">
          <strong>{t("references.title")}</strong> {output.references.map((person) => person.name).join(", ")}
        </p>
      ) : null}
    </div>
  );
}

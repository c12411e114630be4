import { useTranslation } from "react-i18next";
import type { LineOutput, LinePerson } from "./lineState";

/** What the server may tell about a step's assignee being away (their deputy acts: 대결). */
interface Away {
  deputy: string;
  until: string;
}

function awayOf(person: LinePerson): Away | null {
  const extra = person as LinePerson & {
    absence?: { deputy?: { name?: string; position?: string } | null; until?: string; ends_on?: string } | null;
    deputy?: { name?: string; position?: string } | null;
  };
  const deputy = extra.absence?.deputy ?? extra.deputy ?? null;
  if (!extra.absence && !deputy) return null;
  const name = deputy ? [deputy.name, deputy.position].filter(Boolean).join(" ") : "";
  return { deputy: name, until: extra.absence?.until ?? extra.absence?.ends_on ?? "" };
}

/**
 * The approval box as the document will carry it: one cell per step in order, the final
 * approval marked 전결 when it is delegated, and absent approvers with who acts for them.
 */
export function LinePreview({ output }: { output: LineOutput }) {
  const { t } = useTranslation("line");
  const last = output.stages.length - 1;
  return (
    <div className="line-preview">
      <ol className="line-preview__cells">
        {output.stages.flatMap((stage, index) =>
          stage.assignees.map((person) => {
            const away = awayOf(person);
            const final = index === last && stage.kind === "approve";
            return (
              <li key={`${index}-${person.id}`} className="line-preview__cell" data-kind={stage.kind}>
                <span className="line-preview__kind">{t(`kind.${stage.kind}`)}</span>
                <span className="line-preview__position">{person.position || "—"}</span>
                <span className="line-preview__name">{person.name}</span>
                {final && output.delegated ? <span className="line-preview__mark">{t("preview.delegated")}</span> : null}
                {away ? (
                  <span className="line-preview__away">
                    <span aria-hidden="true">⚠ </span>
                    {away.deputy
                      ? t("preview.awayDeputy", { position: person.position || person.name, deputy: away.deputy })
                      : t("preview.away", { position: person.position || person.name })}
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

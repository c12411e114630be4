import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { PiiFinding } from "./usePiiScan";

interface PiiWarningsProps {
  findings: readonly PiiFinding[];
  /** Paragraphs already withheld (their marks), so the action is not offered twice. */
  withheld: ReadonlySet<number>;
  onGoTo: (paragraph: number) => void;
  onWithhold: (paragraph: number) => void;
  busy: boolean;
}

/**
 * The detector's findings beside the text: where each is (title, or the paragraph the
 * editor marks with the same number), what it is, masked, and what to do about it.
 */
export function PiiWarnings({ findings, withheld, onGoTo, onWithhold, busy }: PiiWarningsProps) {
  const { t } = useTranslation("drafting");
  const titleId = useId();
  return (
    <section className="draft-section pii" aria-labelledby={titleId}>
      <h2 className="pii__title" id={titleId}>
        <span aria-hidden="true">⚠ </span>
        {t("pii.title", { count: findings.length })}
      </h2>
      <p className="field__description">{t("pii.hint")}</p>
      <ol className="pii__list">
        {findings.map((finding, index) => {
          // One set of actions per paragraph, on its first finding.
          const firstInParagraph =
            findings.findIndex((f) => f.part === finding.part && f.paragraph === finding.paragraph) === index;
          const where =
            finding.part === "title"
              ? t("pii.inTitle")
              : t("pii.inParagraph", { number: (finding.paragraph ?? 0) + 1 });
          const paragraph = finding.paragraph;
          return (
            <li key={`${finding.part}-${paragraph}-${finding.start}-${finding.kind}`} className="pii__item">
              <p className="pii__what">
                <span className="pii__number">{index + 1}</span>{" "}
                <span className="pii__where">{where}</span> · {finding.kind_label}{" "}
                <span className="pii__preview" translate="no">
                  {finding.preview}
                </span>
              </p>
              <p className="pii__advice">
                {t(`pii.advice.${finding.kind}`, { defaultValue: t("pii.advice.default") })}{" "}
                {finding.part === "title" ? t("pii.titleAdvice") : t("pii.bodyAdvice")}
              </p>
              {firstInParagraph && paragraph !== null && paragraph !== undefined ? (
                <div className="pii__actions">
                  <button type="button" className="btn btn--tertiary btn--small" onClick={() => onGoTo(paragraph)}>
                    {t("pii.goTo", { where })}
                  </button>
                  {withheld.has(paragraph) ? (
                    <span className="badge badge--warning">{t("pii.alreadyWithheld")}</span>
                  ) : (
                    <button
                      type="button"
                      className="btn btn--secondary btn--small"
                      aria-busy={busy || undefined}
                      disabled={busy}
                      onClick={() => onWithhold(paragraph)}
                    >
                      {t("pii.withhold", { where })}
                    </button>
                  )}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

import { useId } from "react";
import { useTranslation } from "react-i18next";
import type { ChosenLevel } from "./schema";
import type { GroundSignal } from "./usePiiScan";

interface GroundSignalsProps {
  signals: readonly GroundSignal[];
  /** The level the drafter chose ("" before they choose). */
  level: ChosenLevel;
}

/**
 * The grounds of Article 9(1) the draft's kind and text carry, beside the choice of
 * level: each ground by its number and name, the level it points to, why, and when the
 * withholding is to be reviewed. Advice only: the drafter still chooses, and choosing
 * open is warned about, never refused. The region is always there, so a screen reader
 * hears the list when the detector first finds something, and when "open" meets it.
 */
export function GroundSignals({ signals, level }: GroundSignalsProps) {
  const { t } = useTranslation("drafting");
  const titleId = useId();
  return (
    <div aria-live="polite" className="signals-region">
      {signals.length ? (
        <section className="signals" aria-labelledby={titleId}>
          <h2 className="signals__title" id={titleId}>
            {t("signals.title")}
          </h2>
          <ul className="signals__list">
            {signals.map((signal, index) => (
              <li key={`${signal.ground}-${signal.level}-${index}`} className="signals__item">
                <p className="signals__ground">
                  <span>
                    {t("disclosure.groundNumber", { number: signal.ground })}{" "}
                    {t(`disclosure.groundNames.${signal.ground}`, { defaultValue: "" })}
                  </span>{" "}
                  <span className={`badge signals__level signals__level--${signal.level}`}>
                    {t(`signals.levels.${signal.level}`)}
                  </span>
                </p>
                <p className="signals__reason">{signal.reason}</p>
                {signal.lapse_event ? (
                  <p className="signals__lapse">
                    {t("signals.reviewAfter", { event: t(`signals.lapse.${signal.lapse_event}`) })}
                  </p>
                ) : null}
                {signal.citation ? (
                  <p className="signals__citation muted">{t("signals.citation", { citation: signal.citation })}</p>
                ) : null}
              </li>
            ))}
          </ul>
          <p className="signals__note">{t("signals.neverAutomatic")}</p>
          {level === "open" ? (
            <p className="notice notice--warning signals__warning">
              <strong>{t("signals.openWarningTitle")}</strong> {t("signals.openWarning")}
            </p>
          ) : null}
        </section>
      ) : null}
    </div>
  );
}

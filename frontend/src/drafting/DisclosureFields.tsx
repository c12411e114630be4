import { useId } from "react";
import { Controller, type UseFormReturn, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { GroundSignals } from "./GroundSignals";
import { DISCLOSURE_LEVELS, type DraftValues, GROUNDS, withholds } from "./schema";
import type { GroundSignal } from "./usePiiScan";
import { useFieldError } from "./useFieldError";
import { WithheldParagraphs } from "./WithheldParagraphs";

interface DisclosureFieldsProps {
  form: UseFormReturn<DraftValues>;
  documentId: number | null;
  /** The grounds the detector reads in the draft's kind and text. */
  signals: readonly GroundSignal[];
}

/**
 * 공개구분: the level the drafter proposes (none until they choose: there is no silent
 * default), the signals of grounds the draft carries, the grounds of Article 9(1) it
 * cites, and (partial) the paragraphs to withhold.
 */
export function DisclosureFields({ form, documentId, signals }: DisclosureFieldsProps) {
  const { t } = useTranslation("drafting");
  const error = useFieldError(form);
  const id = useId();
  const [level, grounds] = useWatch({
    control: form.control,
    name: ["proposed_disclosure_level", "proposed_disclosure_grounds"],
  });
  const groundsError = error("proposed_disclosure_grounds");
  const levelError = error("proposed_disclosure_level");

  return (
    <fieldset className="draft-section">
      <legend className="draft-section__title">{t("disclosure.title")}</legend>
      <div
        role="radiogroup"
        aria-labelledby={`${id}-level`}
        aria-describedby={[`${id}-level-hint`, levelError ? `${id}-level-error` : ""].join(" ").trim()}
        aria-required="true"
        aria-invalid={levelError ? true : undefined}
        className={["choice-row", levelError ? "choice-row--invalid" : ""].join(" ").trim()}
      >
        <span id={`${id}-level`} className="field__label">
          {t("disclosure.level")}
        </span>
        <span id={`${id}-level-hint`} className="field__description choice-row__hint">
          {t("disclosure.levelHint")}
        </span>
        {DISCLOSURE_LEVELS.map((value) => (
          <label key={value} className="choice">
            <input type="radio" value={value} {...form.register("proposed_disclosure_level")} />
            <span>{t(`disclosure.levels.${value}`)}</span>
          </label>
        ))}
        {levelError ? (
          <p className="field__error choice-row__error" id={`${id}-level-error`}>
            {levelError}
          </p>
        ) : null}
      </div>
      <GroundSignals signals={signals} level={level} />
      {withholds(level) ? (
        <Controller
          control={form.control}
          name="proposed_disclosure_grounds"
          render={({ field }) => (
            <fieldset
              className="grounds"
              aria-describedby={[`${id}-grounds-hint`, groundsError ? `${id}-grounds-error` : ""].join(" ").trim()}
              aria-invalid={groundsError ? true : undefined}
            >
              <legend className="field__label">{t("disclosure.grounds")}</legend>
              <p className="field__description" id={`${id}-grounds-hint`}>
                {t("disclosure.groundsHint")}
              </p>
              {GROUNDS.map((ground) => (
                <label key={ground} className="choice choice--block">
                  <input
                    type="checkbox"
                    checked={field.value.includes(ground)}
                    onChange={(event) =>
                      field.onChange(
                        event.target.checked
                          ? [...field.value, ground].sort((a, b) => a - b)
                          : field.value.filter((g) => g !== ground),
                      )
                    }
                  />
                  <span>
                    {t("disclosure.groundNumber", { number: ground })} {t(`disclosure.groundNames.${ground}`)}
                  </span>
                </label>
              ))}
              {groundsError ? (
                <p className="field__error" id={`${id}-grounds-error`}>
                  {groundsError}
                </p>
              ) : null}
            </fieldset>
          )}
        />
      ) : null}
      {level === "partial" ? <WithheldParagraphs documentId={documentId} grounds={grounds} /> : null}
    </fieldset>
  );
}

import { useQuery } from "@tanstack/react-query";
import { useId } from "react";
import { type UseFormReturn, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { FormField } from "@/ui/FormField";
import { budgetLinesQuery } from "./queries";
import { type DraftValues, parseAmount } from "./schema";
import { useFieldError } from "./useFieldError";

export function formatWon(amount: number, language: string): string {
  return new Intl.NumberFormat(language === "en" ? "en-GB" : "ko-KR").format(amount);
}

/** An amount as Korean officials read it aloud: 12억 3,456만 7,890원 (units of 10,000). */
export function koreanAmount(amount: number): string {
  const units = ["", "만", "억", "조"];
  const parts: string[] = [];
  let rest = Math.floor(amount);
  for (let i = 0; rest > 0 && i < units.length; i += 1) {
    const group = i === units.length - 1 ? rest : rest % 10_000;
    if (group) parts.unshift(`${new Intl.NumberFormat("ko-KR").format(group)}${units[i]}`);
    rest = i === units.length - 1 ? 0 : Math.floor(rest / 10_000);
  }
  return `${parts.join(" ") || "0"}원`;
}

interface BudgetFieldsProps {
  form: UseFormReturn<DraftValues>;
  /** The server's warnings on the saved draft (an amount above what remains). */
  warnings: { field: string; message: string }[];
}

/** The budget request's fields, with the lines the drafter's unit may charge and what remains on each. */
export function BudgetFields({ form, warnings }: BudgetFieldsProps) {
  const { t, i18n } = useTranslation("drafting");
  const error = useFieldError(form);
  const lineId = useId();
  const [year, lineValue, amountText] = useWatch({
    control: form.control,
    name: ["budget.fiscal_year", "budget.budget_line", "budget.amount"],
  });
  const fiscalYear = /^\d{4}$/.test(year) ? Number(year) : null;
  const lines = useQuery({ ...budgetLinesQuery(fiscalYear), enabled: fiscalYear !== null });
  const chosen = lines.data?.results.find((line) => String(line.id) === lineValue) ?? null;
  const amount = parseAmount(amountText);
  const over = chosen && Number.isFinite(amount) && amount > chosen.remaining;
  const amountWarnings = warnings.filter((w) => w.field === "budget.amount").map((w) => w.message);
  const lineError = error("budget.budget_line");
  const won = (n: number) => t("budget.won", { amount: formatWon(n, i18n.language) });

  return (
    <fieldset className="draft-section">
      <legend className="draft-section__title">{t("budget.title")}</legend>
      <div className="draft-grid">
        <FormField
          label={t("budget.fiscalYear")}
          inputMode="numeric"
          autoComplete="off"
          error={error("budget.fiscal_year")}
          {...form.register("budget.fiscal_year")}
        />
        <div className="field">
          <label className="field__label" htmlFor={lineId}>
            {t("budget.line")}
          </label>
          <select
            id={lineId}
            aria-invalid={lineError ? true : undefined}
            aria-describedby={[`${lineId}-remaining`, lineError ? `${lineId}-error` : ""].join(" ").trim()}
            {...form.register("budget.budget_line")}
          >
            <option value="">{lines.isLoading ? t("common:state.loading") : t("budget.chooseLine")}</option>
            {(lines.data?.results ?? []).map((line) => (
              <option key={line.id} value={String(line.id)}>
                {t("budget.lineOption", { code: line.code, name: line.name, remaining: won(line.remaining) })}
              </option>
            ))}
          </select>
          <p className="field__description" id={`${lineId}-remaining`}>
            {chosen
              ? t("budget.remainingDetail", {
                  allocation: won(chosen.allocation),
                  committed: won(chosen.committed),
                  remaining: won(chosen.remaining),
                })
              : lines.data && lines.data.results.length === 0
                ? t("budget.noLines")
                : t("budget.lineHint")}
          </p>
          {lineError ? (
            <p className="field__error" id={`${lineId}-error`}>
              {lineError}
            </p>
          ) : null}
        </div>
      </div>
      <FormField
        label={t("budget.amount")}
        inputMode="numeric"
        autoComplete="off"
        description={
          Number.isFinite(amount) && amount > 0
            ? i18n.language === "en"
              ? won(amount)
              : koreanAmount(amount)
            : t("budget.amountHint")
        }
        error={error("budget.amount")}
        {...form.register("budget.amount")}
      />
      {over || amountWarnings.length ? (
        <div className="notice notice--warning" role="status">
          <p>
            <strong>{t("budget.overTitle")}</strong>{" "}
            {amountWarnings[0] ?? t("budget.over", { remaining: won(chosen?.remaining ?? 0) })}
          </p>
        </div>
      ) : null}
      <FormField label={t("budget.payee")} autoComplete="off" error={error("budget.payee")} {...form.register("budget.payee")} />
      <FormField label={t("budget.purpose")} autoComplete="off" error={error("budget.purpose")} {...form.register("budget.purpose")} />
    </fieldset>
  );
}

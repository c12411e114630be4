import { useQuery } from "@tanstack/react-query";
import { useId, useState } from "react";
import { Controller, type UseFormReturn, useWatch } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { api } from "@/api/client";
import { unwrap } from "@/api/errors";
import { FormField } from "@/ui/FormField";
import { type Person, PersonCombobox } from "@/ui/PersonCombobox";
import { ACTION_TYPES, type ActionType, type DraftValues, TARGETS } from "./schema";
import { UnitPicker } from "./UnitPicker";
import { useFieldError } from "./useFieldError";

const positionsQuery = {
  queryKey: ["positions"] as const,
  queryFn: async () => unwrap(await api.GET("/api/positions/", { params: { query: { page_size: 100 } } })).results,
  staleTime: 5 * 60_000,
};

/** The personnel action: who, what, from when, and where to (as the action type needs). */
export function PersonnelFields({ form, meId }: { form: UseFormReturn<DraftValues>; meId: number | null }) {
  const { t, i18n } = useTranslation("drafting");
  const error = useFieldError(form);
  const typeId = useId();
  const positionId = useId();
  const [personId, actionType] = useWatch({ control: form.control, name: ["personnel.person", "personnel.action_type"] });
  const rule = actionType ? TARGETS[actionType as ActionType] : null;
  const positions = useQuery({ ...positionsQuery, enabled: Boolean(rule && rule.position !== "forbidden") });
  const [picked, setPicked] = useState<Person | null>(null);
  const numericId = personId ? Number(personId) : null;
  const known = useQuery({
    queryKey: ["people", numericId],
    queryFn: async () => unwrap(await api.GET("/api/people/{id}/", { params: { path: { id: numericId ?? 0 } } })),
    enabled: numericId !== null && picked?.id !== numericId,
    staleTime: 5 * 60_000,
  });
  const person = picked?.id === numericId ? picked : (known.data ?? null);
  const typeError = error("personnel.action_type");
  const positionError = error("personnel.target_position");

  return (
    <fieldset className="draft-section">
      <legend className="draft-section__title">{t("personnel.title")}</legend>
      <Controller
        control={form.control}
        name="personnel.person"
        render={({ field }) => (
          <PersonCombobox
            label={t("personnel.person")}
            description={t("personnel.personHint")}
            value={person}
            excludeIds={meId ? [meId] : []}
            isRequired
            error={error("personnel.person")}
            onChange={(next) => {
              setPicked(next);
              field.onChange(next ? String(next.id) : "");
            }}
            className="field"
          />
        )}
      />
      <div className="draft-grid">
        <div className="field">
          <label className="field__label" htmlFor={typeId}>
            {t("personnel.actionType")}
          </label>
          <select
            id={typeId}
            aria-invalid={typeError ? true : undefined}
            aria-describedby={typeError ? `${typeId}-error` : undefined}
            {...form.register("personnel.action_type")}
          >
            <option value="">{t("personnel.chooseType")}</option>
            {ACTION_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`personnel.types.${type}`)}
              </option>
            ))}
          </select>
          {typeError ? (
            <p className="field__error" id={`${typeId}-error`}>
              {typeError}
            </p>
          ) : null}
        </div>
        <FormField
          type="date"
          label={t("personnel.effectiveDate")}
          error={error("personnel.effective_date")}
          {...form.register("personnel.effective_date")}
        />
      </div>
      {rule && rule.unit !== "forbidden" ? (
        <Controller
          control={form.control}
          name="personnel.target_unit"
          render={({ field }) => (
            <UnitPicker
              label={rule.unit === "required" ? t("personnel.targetUnit") : t("personnel.targetUnitOptional")}
              value={field.value}
              onChange={field.onChange}
              isRequired={rule.unit === "required"}
              error={error("personnel.target_unit")}
            />
          )}
        />
      ) : null}
      {rule && rule.position !== "forbidden" ? (
        <div className="field">
          <label className="field__label" htmlFor={positionId}>
            {rule.position === "required" ? t("personnel.targetPosition") : t("personnel.targetPositionOptional")}
          </label>
          <select
            id={positionId}
            aria-invalid={positionError ? true : undefined}
            aria-describedby={positionError ? `${positionId}-error` : undefined}
            {...form.register("personnel.target_position")}
          >
            <option value="">{t("personnel.choosePosition")}</option>
            {(positions.data ?? []).map((position) => (
              <option key={position.id} value={String(position.id)}>
                {i18n.language === "en" && position.title_en ? position.title_en : position.title}
              </option>
            ))}
          </select>
          {positionError ? (
            <p className="field__error" id={`${positionId}-error`}>
              {positionError}
            </p>
          ) : null}
        </div>
      ) : null}
      {rule && rule.unit === "forbidden" ? <p className="muted">{t("personnel.leaveHint")}</p> : null}
    </fieldset>
  );
}

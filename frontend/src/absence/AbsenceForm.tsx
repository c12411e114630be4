import { Controller, useForm } from "react-hook-form";
import { useTranslation } from "react-i18next";
import { ApiFailure, fieldErrors } from "@/api/errors";
import { Button } from "@/ui/Button";
import { FormField } from "@/ui/FormField";
import { type Person, PersonCombobox } from "@/ui/PersonCombobox";
import { HandoverPreview } from "./HandoverPreview";
import { type Absence, type PreviewParams, useSaveAbsence } from "./queries";
import { fromSeoulInput, toSeoulInput } from "./seoul-time";

interface Values {
  startsAt: string;
  endsAt: string;
  deputy: Person | null;
  reason: string;
}

// The API's field names, and the form field each one's message belongs under.
const FIELDS = { starts_at: "startsAt", ends_at: "endsAt", deputy: "deputy", reason: "reason" } as const;

export interface AbsenceFormProps {
  /** The absence being changed, with its deputy as the picker shows people; none to add one. */
  editing?: { absence: Absence; deputy: Person } | undefined;
  selfId: number | undefined;
  onDone: (saved: Absence) => void;
  onCancel?: () => void;
}

export function AbsenceForm({ editing, selfId, onDone, onCancel }: AbsenceFormProps) {
  const { t } = useTranslation("absence");
  const save = useSaveAbsence();
  const form = useForm<Values>({
    defaultValues: editing
      ? {
          startsAt: toSeoulInput(editing.absence.starts_at),
          endsAt: toSeoulInput(editing.absence.ends_at),
          deputy: editing.deputy,
          reason: editing.absence.reason ?? "",
        }
      : { startsAt: "", endsAt: "", deputy: null, reason: "" },
  });
  const { errors, isSubmitting } = form.formState;

  const onSubmit = form.handleSubmit(async (values) => {
    const startsAt = fromSeoulInput(values.startsAt);
    const endsAt = fromSeoulInput(values.endsAt);
    if (!startsAt || !endsAt || !values.deputy) return;
    try {
      const saved = await save.mutateAsync({
        id: editing?.absence.id,
        values: { starts_at: startsAt, ends_at: endsAt, deputy: values.deputy.id, reason: values.reason.trim() },
      });
      onDone(saved);
    } catch (error) {
      const byField = fieldErrors(error instanceof ApiFailure ? error.body : null);
      let placed = false;
      for (const [field, name] of Object.entries(FIELDS)) {
        const messages = byField.get(field);
        if (messages) {
          form.setError(name, { type: "server", message: messages.join(" ") });
          placed = true;
        }
      }
      const rest = [...byField.entries()].filter(([field]) => !(field in FIELDS)).flatMap(([, messages]) => messages);
      if (rest.length > 0 || !placed) {
        const detail = error instanceof ApiFailure ? error.body?.detail : undefined;
        form.setError("root", { type: "server", message: rest.join(" ") || detail || t("saveFailed") });
      }
      form.setFocus(Object.values(FIELDS).find((name) => form.getFieldState(name).error) ?? "startsAt");
    }
  });

  const required = (label: string) => t("required", { field: label });
  const [watchedStart, watchedEnd, watchedDeputy] = form.watch(["startsAt", "endsAt", "deputy"]);
  const previewStart = fromSeoulInput(watchedStart);
  const previewEnd = fromSeoulInput(watchedEnd);
  const previewParams: PreviewParams | null =
    previewStart && previewEnd && watchedDeputy
      ? {
          starts_at: previewStart,
          ends_at: previewEnd,
          deputy: watchedDeputy.id,
          ...(editing ? { absence: editing.absence.id } : {}),
        }
      : null;
  return (
    <form className="absence-form" onSubmit={onSubmit} noValidate aria-labelledby="absence-form-title">
      <div className="absence-form__period">
        <FormField
          label={t("startsAt")}
          type="datetime-local"
          error={errors.startsAt?.message}
          {...form.register("startsAt", { validate: (value) => fromSeoulInput(value) !== null || required(t("startsAt")) })}
        />
        <FormField
          label={t("endsAt")}
          type="datetime-local"
          error={errors.endsAt?.message}
          {...form.register("endsAt", { validate: (value) => fromSeoulInput(value) !== null || required(t("endsAt")) })}
        />
      </div>
      <p className="absence-form__zone muted">{t("zone")}</p>
      <Controller
        control={form.control}
        name="deputy"
        rules={{ validate: (value) => value !== null || required(t("deputy")) }}
        render={({ field }) => (
          <PersonCombobox
            label={t("deputy")}
            description={t("deputyHelp")}
            value={field.value}
            onChange={field.onChange}
            excludeIds={selfId ? [selfId] : []}
            error={errors.deputy?.message}
            isRequired
          />
        )}
      />
      <FormField
        label={t("reason")}
        description={t("reasonHelp")}
        maxLength={200}
        error={errors.reason?.message}
        {...form.register("reason")}
      />
      <section className="handover-section" aria-labelledby="handover-title">
        <h3 id="handover-title" className="handover-section__title">
          {t("preview.title")}
        </h3>
        <HandoverPreview params={previewParams} deputyName={watchedDeputy?.name ?? ""} />
      </section>
      {errors.root ? (
        <p className="notice notice--danger" role="alert">
          {errors.root.message}
        </p>
      ) : null}
      <div className="absence-form__actions">
        <Button type="submit" variant="primary" size="large" isPending={isSubmitting}>
          {editing ? t("saveChange") : t("save")}
        </Button>
        {onCancel ? (
          <Button size="large" variant="tertiary" onPress={onCancel}>
            {t("stopEditing")}
          </Button>
        ) : null}
      </div>
    </form>
  );
}

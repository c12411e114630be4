import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiFailure } from "@/api/errors";
import { formatDate } from "@/ui/format";
import { type PreviewParams, previewQuery } from "./queries";

const DEBOUNCE_MS = 400;

function useDebounced<T>(value: T): T {
  const [debounced, setDebounced] = useState(value);
  const key = JSON.stringify(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- by value, not identity
  }, [key]);
  return debounced;
}

const FIELD_LABELS: Record<string, string> = { starts_at: "startsAt", ends_at: "endsAt", deputy: "deputy" };

/**
 * Before saving: the open and waiting steps this absence would hand to the deputy, and the
 * ones that stay (the deputy may not take them, and why). Shown once period and deputy are
 * set, refreshed as they change; the server checks it as it checks saving.
 */
export function HandoverPreview({ params, deputyName }: { params: PreviewParams | null; deputyName: string }) {
  const { t, i18n } = useTranslation("absence");
  const settled = useDebounced(params);
  const preview = useQuery({ ...previewQuery(settled), placeholderData: keepPreviousData });

  if (params === null) {
    return <p className="handover__hint muted">{t("preview.hint")}</p>;
  }
  let body;
  if (preview.isPending || (preview.isFetching && !preview.data)) {
    body = <p className="muted">{t("common:state.loading")}</p>;
  } else if (preview.error) {
    const errors = preview.error instanceof ApiFailure ? (preview.error.body?.errors ?? []) : [];
    body = (
      <div className="notice notice--warning">
        <p>{t("preview.refused")}</p>
        {errors.length > 0 ? (
          <ul>
            {errors.map((error) => (
              <li key={`${error.field}-${error.message}`}>
                {FIELD_LABELS[error.field] ? `${t(FIELD_LABELS[error.field]!)}: ` : ""}
                {error.message}
              </li>
            ))}
          </ul>
        ) : (
          <p>{preview.error instanceof ApiFailure ? preview.error.body?.detail : t("common:state.error")}</p>
        )}
      </div>
    );
  } else if (preview.data) {
    const steps = preview.data.steps;
    const moving = steps.filter((step) => step.refusal === null).length;
    const staying = steps.length - moving;
    body =
      steps.length === 0 ? (
        <p>{t("preview.nothing", { name: deputyName })}</p>
      ) : (
        <>
          <p>
            {t("preview.summary", { count: moving, name: deputyName })}
            {staying > 0 ? ` ${t("preview.staying", { count: staying })}` : ""}
          </p>
          <ul className="handover__steps">
            {steps.map((step) => (
              <li key={step.step} className={`handover__step${step.refusal ? " handover__step--stays" : ""}`}>
                <span className="handover__title">{step.title}</span>
                <span className="handover__meta">
                  {[
                    t(`preview.stepKind.${step.step_kind}`, { defaultValue: step.step_kind }),
                    step.due_at ? t("preview.due", { date: formatDate(step.due_at, i18n.language) }) : null,
                  ]
                    .filter(Boolean)
                    .join(" · ")}
                </span>
                <span className="handover__when">
                  {step.refusal ? (
                    <>
                      <strong>{t("preview.stays")}</strong> {step.refusal}
                    </>
                  ) : (
                    t(`preview.when.${step.when}`, { name: deputyName })
                  )}
                </span>
              </li>
            ))}
          </ul>
        </>
      );
  }
  return (
    <div className="handover" aria-busy={preview.isFetching || undefined}>
      {body}
    </div>
  );
}

import type { ErrorComponentProps } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { ApiFailure } from "@/api/errors";
import { Button } from "@/ui/Button";

export function ErrorScreen({ error, reset }: ErrorComponentProps) {
  const { t } = useTranslation();
  const message =
    error instanceof ApiFailure
      ? (error.body?.detail ?? t("errors.server", { status: error.status }))
      : t("errors.network");
  return (
    <div className="page">
      <div className="notice notice--danger" role="alert">
        <p>{t("state.error")}</p>
        <p>{message}</p>
      </div>
      <Button onPress={reset}>{t("state.retry")}</Button>
    </div>
  );
}

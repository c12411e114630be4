import { useTranslation } from "react-i18next";

export function LoadingScreen() {
  const { t } = useTranslation();
  return (
    <div className="page" role="status" aria-live="polite">
      <p className="muted">{t("state.loading")}</p>
    </div>
  );
}

import { useTranslation } from "react-i18next";

export function AbsenceScreen() {
  const { t } = useTranslation("absence");
  return (
    <main className="page" id="main">
      <h1 className="page__title">{t("title")}</h1>
    </main>
  );
}

import { useTranslation } from "react-i18next";

export function BoxesScreen() {
  const { t } = useTranslation("boxes");
  return (
    <main className="page" id="main">
      <h1 className="page__title">{t("title")}</h1>
    </main>
  );
}

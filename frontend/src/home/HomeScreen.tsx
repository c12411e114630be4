import { useTranslation } from "react-i18next";

export function HomeScreen() {
  const { t } = useTranslation("home");
  return (
    <main className="page" id="main">
      <h1 className="page__title">{t("title")}</h1>
    </main>
  );
}

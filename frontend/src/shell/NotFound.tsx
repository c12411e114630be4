import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

export function NotFound() {
  const { t } = useTranslation();
  return (
    <main className="page" id="main">
      <h1 className="page__title">{t("state.notFound")}</h1>
      <Link to="/">{t("state.backHome")}</Link>
    </main>
  );
}

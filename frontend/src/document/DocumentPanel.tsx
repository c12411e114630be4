import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

/** The document beside a box's list on a wide screen; the document screen shows the same. */
export function DocumentPanel({ id }: { id: number }) {
  const { t } = useTranslation("document");
  return (
    <section aria-label={t("title")}>
      <Link to="/documents/$id" params={{ id: String(id) }}>
        {t("title")} {id}
      </Link>
    </section>
  );
}

import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";

/** Previous and next pages as links: the page is in the URL, so Back returns to it. */
export function Pager({ page, pages, unread }: { page: number; pages: number; unread: boolean | undefined }) {
  const { t } = useTranslation("notifications");
  if (pages <= 1) return null;
  return (
    <nav className="pager" aria-label={t("pager.label")}>
      {page > 1 ? (
        <Link to="/notifications" search={{ page: page - 1 === 1 ? undefined : page - 1, unread }} className="btn btn--tertiary btn--medium" rel="prev">
          {t("pager.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="pager__where">{t("pager.where", { page, pages })}</span>
      {page < pages ? (
        <Link to="/notifications" search={{ page: page + 1, unread }} className="btn btn--tertiary btn--medium" rel="next">
          {t("pager.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import type { Box } from "./boxes";

/** Previous and next pages as links: the page is in the URL, so Back returns to it. */
export function BoxPager({ box, page, pages }: { box: Box; page: number; pages: number }) {
  const { t } = useTranslation("boxes");
  if (pages <= 1) return null;
  return (
    <nav className="box-pager" aria-label={t("pager.label")}>
      {page > 1 ? (
        <Link
          to="/boxes/$box"
          params={{ box }}
          search={(prev) => ({ ...prev, page: page - 1 === 1 ? undefined : page - 1, open: undefined })}
          className="btn btn--tertiary btn--medium"
          rel="prev"
        >
          {t("pager.previous")}
        </Link>
      ) : (
        <span />
      )}
      <span className="box-pager__where">{t("pager.where", { page, pages })}</span>
      {page < pages ? (
        <Link
          to="/boxes/$box"
          params={{ box }}
          search={(prev) => ({ ...prev, page: page + 1, open: undefined })}
          className="btn btn--tertiary btn--medium"
          rel="next"
        >
          {t("pager.next")}
        </Link>
      ) : (
        <span />
      )}
    </nav>
  );
}

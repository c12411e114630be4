import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { BOXES, type Box } from "./boxes";
import { boxCountsQuery } from "./queries";

/** The boxes with how many each holds; the count is said in words to a screen reader. */
export function BoxNav({ current }: { current: Box }) {
  const { t } = useTranslation("boxes");
  const counts = useQuery(boxCountsQuery).data;
  const currentLink = useRef<HTMLAnchorElement>(null);
  // On a phone the strip scrolls: the open box is brought into view, never left off-screen.
  useEffect(() => {
    currentLink.current?.scrollIntoView?.({ block: "nearest", inline: "nearest" });
  }, [current, counts !== undefined]);
  return (
    <nav className="box-nav" aria-label={t("nav.label")}>
      <ul>
        {BOXES.map((box) => {
          const count = counts?.[box];
          return (
            <li key={box}>
              <Link
                to="/boxes/$box"
                params={{ box }}
                search={{}}
                ref={box === current ? currentLink : undefined}
                className="box-nav__link"
                aria-current={box === current ? "page" : undefined}
                activeOptions={{ includeSearch: false }}
              >
                <span className="box-nav__name">{t(`box.${box}`)}</span>
                {count !== undefined ? (
                  <span className={count > 0 && box === "to_act" ? "badge badge--accent" : "badge"}>
                    <span aria-hidden="true">{count}</span>
                    <span className="visually-hidden">{t("nav.count", { count })}</span>
                  </span>
                ) : null}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

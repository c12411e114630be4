import { Link, Outlet } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useMe } from "@/auth/me";
import { personLabel } from "@/ui/people";
import { AccountMenu } from "./AccountMenu";
import { NotificationBell } from "./NotificationBell";
import { useDocumentTitle } from "./useDocumentTitle";
import "./shell.css";

const NAV = [
  { to: "/", key: "home", icon: "⌂" },
  { to: "/boxes/$box", params: { box: "to_act" }, key: "boxes", icon: "☰" },
  { to: "/drafts/new", key: "draft", icon: "✎" },
  { to: "/absence", key: "absence", icon: "⇄" },
] as const;

export function AppShell() {
  const { t, i18n } = useTranslation();
  const me = useMe();
  useDocumentTitle(t("app.name"));
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        {t("app.skipToContent")}
      </a>
      <header className="shell__header">
        <Link to="/" className="shell__brand">
          {t("app.name")}
        </Link>
        <nav className="shell__nav" aria-label={t("nav.label")}>
          <ul>
            {NAV.map((item) => (
              <li key={item.key}>
                <Link
                  to={item.to}
                  params={"params" in item ? item.params : undefined}
                  activeOptions={{ exact: item.to === "/", includeSearch: false }}
                  className="shell__nav-link"
                >
                  <span aria-hidden="true" className="shell__nav-icon">
                    {item.icon}
                  </span>
                  <span className="shell__nav-text">{t(`nav.${item.key}`)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className="shell__tools">
          <NotificationBell />
          <AccountMenu name={me.person ? personLabel(me.person, i18n.language) : me.username} />
        </div>
      </header>
      <div className="shell__body">
        <Outlet />
      </div>
    </div>
  );
}

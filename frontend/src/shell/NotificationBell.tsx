import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { api } from "@/api/client";
import { unwrap } from "@/api/errors";

export const unreadCountQuery = {
  queryKey: ["notifications", "unread-count"] as const,
  queryFn: async () => unwrap(await api.GET("/api/notifications/unread-count/")),
  refetchInterval: 30_000,
};

export function NotificationBell() {
  const { t } = useTranslation("shell");
  const { data } = useQuery(unreadCountQuery);
  const unread = data?.unread ?? 0;
  return (
    <Link to="/notifications" className="shell__bell" aria-label={t("bell", { count: unread })}>
      {/* Drawn, not an emoji: a system without a colour emoji font showed an empty box. */}
      <svg className="shell__bell-icon" viewBox="0 0 24 24" width="24" height="24" aria-hidden="true" focusable="false">
        <path
          d="M12 3a6 6 0 0 0-6 6v3.6l-1.6 2.7A1 1 0 0 0 5.3 17h13.4a1 1 0 0 0 .9-1.7L18 12.6V9a6 6 0 0 0-6-6Zm-2.5 15a2.5 2.5 0 0 0 5 0Z"
          fill="currentColor"
        />
      </svg>
      {unread > 0 ? (
        <span className="badge badge--danger shell__bell-count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}

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
      <span aria-hidden="true">🔔</span>
      {unread > 0 ? (
        <span className="badge badge--danger shell__bell-count" aria-hidden="true">
          {unread > 99 ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}

import { useQuery } from "@tanstack/react-query";
import { Link, useSearch } from "@tanstack/react-router";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiFailure } from "@/api/errors";
import { unreadCountQuery } from "@/shell/NotificationBell";
import { Button } from "@/ui/Button";
import { NotificationItem } from "./NotificationItem";
import { Pager } from "./Pager";
import { PAGE_SIZE, notificationsQuery, useMarkAllRead } from "./queries";
import "./notifications.css";

export function NotificationsScreen() {
  const { t } = useTranslation("notifications");
  const { page = 1, unread } = useSearch({ from: "/signed-in/notifications" });
  const list = useQuery(notificationsQuery(page, unread));
  const count = useQuery(unreadCountQuery).data?.unread;
  const markAll = useMarkAllRead();
  const [announcement, setAnnouncement] = useState("");

  function markAllRead() {
    setAnnouncement("");
    markAll.mutate(undefined, {
      onSuccess: ({ marked }) => setAnnouncement(t("markedAll", { count: marked })),
      onError: () => setAnnouncement(t("markFailed")),
    });
  }

  const pages = list.data ? Math.max(1, Math.ceil(list.data.count / PAGE_SIZE)) : 1;
  const pastTheEnd = list.error instanceof ApiFailure && list.error.status === 404 && page > 1;
  return (
    <main className="page notifications" id="main">
      <div className="notifications__head">
        <h1 className="page__title">{t("title")}</h1>
        {count !== undefined ? <p className="notifications__count">{t("unreadCount", { count })}</p> : null}
        <Button onPress={markAllRead} isPending={markAll.isPending} isDisabled={count === 0} className="notifications__all">
          {t("markAllRead")}
        </Button>
      </div>
      <nav className="notifications__filter" aria-label={t("filter.label")}>
        <Link to="/notifications" search={{}} activeOptions={{ includeSearch: true }} className="notifications__tab">
          {t("filter.all")}
        </Link>
        <Link to="/notifications" search={{ unread: true }} activeOptions={{ includeSearch: true }} className="notifications__tab">
          {t("filter.unread")}
        </Link>
      </nav>
      <p role="status" className="notifications__announcement">
        {announcement}
      </p>
      {list.isPending ? (
        <p className="muted" role="status">
          {t("common:state.loading")}
        </p>
      ) : pastTheEnd ? (
        <p className="notice notice--info">
          {t("pastTheEnd")}{" "}
          <Link to="/notifications" search={{ unread }}>
            {t("firstPage")}
          </Link>
        </p>
      ) : list.error ? (
        <div className="notice notice--danger" role="alert">
          <p>{t("common:state.error")}</p>
          <Button onPress={() => void list.refetch()}>{t("common:state.retry")}</Button>
        </div>
      ) : list.data.results.length === 0 ? (
        <p className="notifications__empty">{unread ? t("emptyUnread") : t("empty")}</p>
      ) : (
        <>
          <ol className="notification-list" aria-label={t("listLabel", { page, pages })} aria-busy={list.isPlaceholderData || undefined}>
            {list.data.results.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} />
            ))}
          </ol>
          <Pager page={page} pages={pages} unread={unread} />
        </>
      )}
    </main>
  );
}

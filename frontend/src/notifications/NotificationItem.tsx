import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Button } from "@/ui/Button";
import { formatDateTime } from "@/ui/format";
import { type Notification, notificationTarget, readableBody } from "./links";
import { useMarkRead } from "./queries";

/** One notification: unread said in words (not colour alone), its kind, when, and where it leads. */
export function NotificationItem({ notification }: { notification: Notification }) {
  const { t, i18n } = useTranslation("notifications");
  const markRead = useMarkRead();
  const unread = notification.read_at === null;
  const target = notificationTarget(notification);
  const body = readableBody(notification.body);
  const titleId = `notification-${notification.id}-title`;

  function open() {
    if (unread) markRead.mutate(notification.id);
  }

  return (
    <li className={["notification", unread ? "notification--unread" : null].filter(Boolean).join(" ")} aria-labelledby={titleId}>
      <p className="notification__meta">
        {unread ? <span className="badge badge--accent notification__state">{t("unread")}</span> : null}
        <span className="notification__kind">{t(`kind.${notification.kind}`)}</span>
        <time dateTime={notification.created_at} className="muted">
          {formatDateTime(notification.created_at, i18n.language)}
        </time>
      </p>
      <h2 className="notification__title" id={titleId}>
        {target ? (
          <Link to="/documents/$id" params={{ id: target.id }} onClick={open}>
            {notification.title}
          </Link>
        ) : (
          notification.title
        )}
      </h2>
      {body ? <p className="notification__body">{body}</p> : null}
      {unread ? (
        <Button size="small" variant="tertiary" onPress={() => markRead.mutate(notification.id)} isPending={markRead.isPending} aria-describedby={titleId}>
          {t("markRead")}
        </Button>
      ) : null}
      {markRead.isError ? (
        <p className="field__error" role="alert">
          {t("markFailed")}
        </p>
      ) : null}
    </li>
  );
}

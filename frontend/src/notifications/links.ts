import type { components } from "@/api/schema";

export type Notification = components["schemas"]["NotificationOutput"];

/** Where a notification leads inside the app: the document (or its task) it is about. */
export type NotificationTarget = { kind: "document"; id: string } | null;

// The server writes links as SITE_URL/app/documents/{id} (NOTIFICATIONS_DOCUMENT_URL) at the
// end of the body; whatever the host, the path is the app's own, so the router opens it.
const URL_PATTERN = /https?:\/\/[^\s]+/g;
const DOCUMENT_PATH = /^\/app\/documents\/(\d+)\/?$/;

function documentIdOf(url: string): string | null {
  try {
    const match = DOCUMENT_PATH.exec(new URL(url).pathname);
    return match?.[1] ?? null;
  } catch {
    return null;
  }
}

export function notificationTarget(notification: Pick<Notification, "document" | "body">): NotificationTarget {
  if (notification.document !== null) return { kind: "document", id: String(notification.document) };
  for (const url of notification.body.match(URL_PATTERN) ?? []) {
    const id = documentIdOf(url);
    if (id) return { kind: "document", id };
  }
  return null;
}

/** The body as a person reads it: without the app links the screen shows as its own link. */
export function readableBody(body: string): string {
  return body
    .replace(URL_PATTERN, (url) => (documentIdOf(url) ? "" : url))
    .split("\n")
    .map((line) => line.trim())
    .filter(Boolean)
    .join("\n");
}

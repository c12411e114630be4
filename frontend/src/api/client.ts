// The one road from a screen to the backend: openapi-fetch typed by the generated schema.
// Every unsafe request carries the CSRF token Django set in its cookie and the language the
// person reads, so server messages come back in Korean or English as the screen does.
import createClient, { type Middleware } from "openapi-fetch";
import i18n from "@/i18n";
import type { paths } from "./schema";
import { fetchWithRetry } from "./retry";
import { notifySessionExpired } from "./session-events";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

export function readCookie(name: string): string | null {
  for (const part of document.cookie.split(";")) {
    const [key, ...rest] = part.trim().split("=");
    if (key === name) return decodeURIComponent(rest.join("="));
  }
  return null;
}

const browserSession: Middleware = {
  onRequest({ request }) {
    request.headers.set("Accept-Language", i18n.language || "ko");
    if (UNSAFE.has(request.method)) {
      const token = readCookie("csrftoken");
      if (token) request.headers.set("X-CSRFToken", token);
    }
    return request;
  },
  onResponse({ response, schemaPath }) {
    // A session that ended (timeout, sign-out elsewhere) answers 401/403 with
    // not_authenticated; the shell sends the person to sign in and back here.
    if ((response.status === 401 || response.status === 403) && !schemaPath.startsWith("/api/auth/")) {
      void response
        .clone()
        .json()
        .then((body: { type?: string }) => {
          if (body?.type === "not_authenticated" || body?.type === "authentication_failed") {
            notifySessionExpired();
          }
        })
        .catch(() => undefined);
    }
    return response;
  },
};

export const api = createClient<paths>({
  baseUrl: window.location.origin,
  credentials: "same-origin",
  fetch: fetchWithRetry,
});
api.use(browserSession);

/** A fresh key for one intention to act: a retry or a double tap reuses it, so it acts once. */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

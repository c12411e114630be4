import { useTranslation } from "react-i18next";
import type { AutosaveState } from "./autosave";

/** "HH:MM" in Seoul, as the status line shows the last save. */
export function seoulTime(date: Date, language: string): string {
  return new Intl.DateTimeFormat(language === "en" ? "en-GB" : "ko-KR", {
    timeZone: "Asia/Seoul",
    hour: "2-digit",
    minute: "2-digit",
    hour12: false,
  }).format(date);
}

interface SaveStatusProps {
  state: AutosaveState;
  waitingFor: "title" | "budget" | "personnel" | null;
  onRetry: () => void;
}

/** Where the autosave stands, said in words (and announced politely, never stealing focus). */
export function SaveStatus({ state, waitingFor, onRetry }: SaveStatusProps) {
  const { t, i18n } = useTranslation("drafting");
  const at = state.savedAt ? seoulTime(state.savedAt, i18n.language) : null;
  let text: string;
  switch (state.status) {
    case "saving":
      text = t("status.saving");
      break;
    case "saved":
      text = t("status.saved", { time: at });
      break;
    case "pending":
      text = at ? t("status.pendingSince", { time: at }) : t("status.pending");
      break;
    case "waiting":
      text = t(`status.waiting.${waitingFor ?? "title"}`);
      break;
    case "invalid":
      text = t("status.invalid");
      break;
    case "failed":
      text = t("status.failed");
      break;
    case "conflict":
      text = t("status.conflict");
      break;
    default:
      text = at ? t("status.saved", { time: at }) : t("status.idle");
  }
  const tone = state.status === "invalid" || state.status === "failed" || state.status === "conflict" ? "problem" : "ok";
  return (
    <div className={`save-status save-status--${tone}`}>
      <p role="status" aria-live="polite" className="save-status__text">
        <span aria-hidden="true" className="save-status__icon">
          {tone === "problem" ? "⚠" : state.status === "saved" ? "✓" : "•"}
        </span>{" "}
        {text}
      </p>
      {state.status === "failed" ? (
        <button type="button" className="btn btn--tertiary btn--small" onClick={onRetry}>
          {t("status.retry")}
        </button>
      ) : null}
    </div>
  );
}

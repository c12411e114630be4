// Autosave's state: a change waits a few seconds, then one save at a time goes out with
// the ETag last read (If-Match). A 409 means someone (or this person in another tab)
// saved first: saving stops and the screen asks whose version to keep.
import { type DocumentDetail, type DraftValues, withholds } from "./schema";

export type SaveStatus =
  | "idle" // nothing typed since the draft was opened
  | "pending" // a change waits for the pause
  | "waiting" // a new draft cannot be created yet (no title, an unfinished block)
  | "saving"
  | "saved"
  | "invalid" // the server refused a field: see the form
  | "conflict"
  | "failed";

export interface Conflict {
  theirs: DocumentDetail;
  mine: DraftValues;
}

export interface AutosaveState {
  status: SaveStatus;
  etag: string | null;
  savedAt: Date | null;
  /** A change arrived while a save was out: save again when it returns. */
  dirty: boolean;
  conflict: Conflict | null;
  message: string | null;
}

export type AutosaveEvent =
  | { type: "edited" }
  | { type: "waiting" }
  | { type: "started" }
  | { type: "unchanged" }
  | { type: "saved"; etag: string | null; at: Date }
  | { type: "invalid" }
  | { type: "failed"; message: string }
  | { type: "conflict"; conflict: Conflict }
  | { type: "keptMine"; etag: string | null }
  | { type: "tookTheirs"; etag: string | null; at: Date }
  | { type: "etag"; etag: string | null };

export function initialAutosave(etag: string | null, savedAt: Date | null = null): AutosaveState {
  return { status: savedAt ? "saved" : "idle", etag, savedAt, dirty: false, conflict: null, message: null };
}

export function autosaveReducer(state: AutosaveState, event: AutosaveEvent): AutosaveState {
  switch (event.type) {
    case "edited":
      if (state.status === "conflict") return state; // nothing goes out until the person chooses
      if (state.status === "saving") return { ...state, dirty: true };
      return { ...state, status: "pending", message: null };
    case "waiting":
      return { ...state, status: "waiting" };
    case "started":
      return { ...state, status: "saving", dirty: false };
    case "unchanged":
      return { ...state, status: state.dirty ? "pending" : state.savedAt ? "saved" : "idle" };
    case "saved":
      return {
        ...state,
        status: state.dirty ? "pending" : "saved",
        etag: event.etag ?? state.etag,
        savedAt: event.at,
        message: null,
      };
    case "invalid":
      return { ...state, status: state.dirty ? "pending" : "invalid" };
    case "failed":
      return { ...state, status: "failed", message: event.message };
    case "conflict":
      return { ...state, status: "conflict", dirty: false, conflict: event.conflict };
    case "keptMine":
      // Their ETag now: the next save overwrites their version with this one.
      return { ...state, status: "pending", etag: event.etag, conflict: null };
    case "tookTheirs":
      return { ...state, status: "saved", etag: event.etag, conflict: null, savedAt: event.at, dirty: false };
    case "etag":
      return { ...state, etag: event.etag };
  }
}

/** Whether the timer may send a save now. */
export function maySave(state: AutosaveState): boolean {
  return state.status === "pending" || state.status === "waiting" || state.status === "failed";
}

/** The lock_version an ETag names ("12-3" → 3). */
export function lockVersionOf(etag: string | null): number | null {
  const match = etag ? /^(?:W\/)?"\d+-(\d+)"$/.exec(etag) : null;
  return match ? Number(match[1]) : null;
}

export function etagFor(id: number, lockVersion: number | undefined): string | null {
  return lockVersion === undefined ? null : `"${id}-${lockVersion}"`;
}

export interface FieldDifference {
  field: "title" | "body" | "recipient" | "retention_period" | "proposed_disclosure" | "budget" | "personnel";
  theirs: string;
  mine: string;
}

/** The body as a reader sees it: one line per paragraph. */
function bodyText(html: string): string {
  const spaced = html.replace(/<\/(p|h[1-6]|li|blockquote|div|pre)>|<br\s*\/?>/gi, "$&\n");
  const parsed = new DOMParser().parseFromString(spaced, "text/html");
  return (parsed.body.textContent ?? "")
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

/** What differs between their saved version and the form, field by field, as text. */
export function conflictDifferences(theirs: DraftValues, mine: DraftValues): FieldDifference[] {
  const rows: FieldDifference[] = [];
  const push = (field: FieldDifference["field"], a: string, b: string) => {
    if (a !== b) rows.push({ field, theirs: a, mine: b });
  };
  push("title", theirs.title.trim(), mine.title.trim());
  push("body", bodyText(theirs.body), bodyText(mine.body));
  push("recipient", theirs.recipient.trim(), mine.recipient.trim());
  push("retention_period", theirs.retention_period, mine.retention_period);
  // Not chosen yet ("") reads as empty; open has no grounds to list.
  const disclosure = (v: DraftValues) =>
    withholds(v.proposed_disclosure_level)
      ? `${v.proposed_disclosure_level} (${[...v.proposed_disclosure_grounds].sort((a, b) => a - b).join(", ")})`
      : v.proposed_disclosure_level;
  push("proposed_disclosure", disclosure(theirs), disclosure(mine));
  const block = (value: object) => Object.values(value).join(" · ");
  push("budget", block(theirs.budget), block(mine.budget));
  push("personnel", block(theirs.personnel), block(mine.personnel));
  return rows;
}

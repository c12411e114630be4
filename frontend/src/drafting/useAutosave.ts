import { useCallback, useEffect, useRef, useState } from "react";
import { api } from "@/api/client";
import { isApiError } from "@/api/errors";
import {
  type AutosaveEvent,
  type AutosaveState,
  autosaveReducer,
  etagFor,
  initialAutosave,
  lockVersionOf,
  maySave,
} from "./autosave";
import { type MappedErrors, mapServerErrors } from "./errors";
import { readDraft } from "./queries";
import { type DocumentDetail, type DraftValues, type Kind, savablePayload } from "./schema";

export const AUTOSAVE_DELAY_MS = 3000;
const RETRY_DELAY_MS = 10_000;

export interface AutosaveOptions {
  kind: Kind;
  documentId: number | null;
  etag: string | null;
  /** When the draft was last saved (opened from the server), for "저장됨 HH:MM". */
  savedAt: Date | null;
  getValues: () => DraftValues;
  onCreated: (document: DocumentDetail, etag: string | null) => void;
  onSaved: (document: DocumentDetail) => void;
  onErrors: (errors: MappedErrors) => void;
  delayMs?: number;
}

export interface Autosave {
  state: AutosaveState;
  waitingFor: "title" | "budget" | "personnel" | null;
  /** Call on every change of the form. */
  edited: () => void;
  /** Hangul being composed: the timer waits for the syllable to end. */
  setComposing: (composing: boolean) => void;
  /** Save now (before leaving for the line, before a preview); true when all is saved. */
  flush: () => Promise<boolean>;
  keepMine: () => void;
  takeTheirs: (apply: (document: DocumentDetail) => void) => void;
  /**
   * Run a change of this person's own that raises the draft's lock_version by one (adding
   * or removing an attachment) with no save in flight, then name the version it made.
   * Someone else's save in between still shows as a conflict at the next save.
   */
  exclusive: (op: () => Promise<boolean>) => Promise<boolean>;
}

/**
 * Saves the draft a few seconds after the last change, one save at a time, with the ETag
 * last read as If-Match; a 409 stops saving until the person chooses whose version wins.
 */
export function useAutosave(options: AutosaveOptions): Autosave {
  const opts = useRef(options);
  opts.current = options;
  const stateRef = useRef<AutosaveState>(initialAutosave(options.etag, options.savedAt));
  const [state, setState] = useState(stateRef.current);
  const [waitingFor, setWaitingFor] = useState<Autosave["waitingFor"]>(null);
  const idRef = useRef(options.documentId);
  const lastSent = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const composing = useRef(false);

  const apply = useCallback((event: AutosaveEvent) => {
    stateRef.current = autosaveReducer(stateRef.current, event);
    setState(stateRef.current);
  }, []);

  const send = useCallback(async (): Promise<boolean> => {
    const { kind, getValues } = opts.current;
    const values = getValues();
    const isNew = idRef.current === null;
    const { payload, waitingFor: waiting } = savablePayload(kind, values, isNew);
    setWaitingFor(waiting);
    if (!payload) {
      apply({ type: "waiting" });
      return false;
    }
    const json = JSON.stringify(payload);
    if (json === lastSent.current) {
      apply({ type: "unchanged" });
      return true;
    }
    apply({ type: "started" });
    try {
      if (isNew) {
        const { data, error, response } = await api.POST("/api/documents/", {
          body: { ...payload, title: payload.title ?? "", kind },
        });
        if (!response.ok || !data) return refused(response.status, error, values);
        lastSent.current = json;
        idRef.current = data.id;
        const etag = response.headers.get("ETag");
        apply({ type: "saved", etag, at: new Date() });
        opts.current.onCreated(data, etag);
        return true;
      }
      const { data, error, response } = await api.PATCH("/api/documents/{id}/", {
        params: { path: { id: String(idRef.current) }, header: { "If-Match": stateRef.current.etag ?? "" } },
        body: payload,
      });
      if (!response.ok || !data) return refused(response.status, error, values);
      lastSent.current = json;
      apply({ type: "saved", etag: response.headers.get("ETag"), at: new Date() });
      opts.current.onSaved(data);
      return true;
    } catch {
      apply({ type: "failed", message: "" });
      return false;
    }
  }, [apply]);

  // A refused save: a conflict opens the merge prompt, a 400 lands on the fields.
  const refused = async (status: number, error: unknown, mine: DraftValues): Promise<boolean> => {
    if (status === 409 && idRef.current !== null) {
      const theirs = await readDraft(String(idRef.current));
      apply({ type: "conflict", conflict: { theirs: theirs.document, mine } });
      // Their ETag is kept aside until the person chooses; the old one stays in use.
      conflictEtag.current = theirs.etag;
      return false;
    }
    if (status === 400) {
      opts.current.onErrors(mapServerErrors(error));
      lastSent.current = JSON.stringify(savablePayload(opts.current.kind, mine, idRef.current === null).payload);
      apply({ type: "invalid" });
      return false;
    }
    apply({ type: "failed", message: isApiError(error) ? error.detail : "" });
    return false;
  };
  const conflictEtag = useRef<string | null>(null);

  const run = useCallback(async (): Promise<boolean> => {
    if (inFlight.current) return inFlight.current;
    const work = send().finally(() => {
      inFlight.current = null;
      const next = stateRef.current.status;
      if (next === "pending") schedule(opts.current.delayMs ?? AUTOSAVE_DELAY_MS);
      else if (next === "failed") schedule(RETRY_DELAY_MS);
    });
    inFlight.current = work;
    return work;
    // eslint-disable-next-line react-hooks/exhaustive-deps -- schedule is stable below
  }, [send]);

  const schedule = useCallback(
    (delay: number) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (composing.current) {
          schedule(delay);
          return;
        }
        if (maySave(stateRef.current)) void run();
      }, delay);
    },
    [run],
  );

  useEffect(() => () => clearTimeout(timer.current), []);

  const edited = useCallback(() => {
    apply({ type: "edited" });
    if (stateRef.current.status === "pending") schedule(opts.current.delayMs ?? AUTOSAVE_DELAY_MS);
  }, [apply, schedule]);

  const flush = useCallback(async () => {
    clearTimeout(timer.current);
    if (inFlight.current) await inFlight.current;
    if (stateRef.current.status === "conflict") return false;
    return run();
  }, [run]);

  const keepMine = useCallback(() => {
    apply({ type: "keptMine", etag: conflictEtag.current });
    lastSent.current = null;
    void run();
  }, [apply, run]);

  const takeTheirs = useCallback(
    (applyTheirs: (document: DocumentDetail) => void) => {
      const conflict = stateRef.current.conflict;
      if (!conflict) return;
      applyTheirs(conflict.theirs);
      const theirsValues = opts.current.getValues();
      lastSent.current = JSON.stringify(savablePayload(opts.current.kind, theirsValues, false).payload);
      clearTimeout(timer.current);
      apply({ type: "tookTheirs", etag: conflictEtag.current, at: new Date() });
    },
    [apply],
  );

  const setComposing = useCallback((value: boolean) => {
    composing.current = value;
  }, []);

  const exclusive = useCallback(
    async (op: () => Promise<boolean>) => {
      while (inFlight.current) await inFlight.current;
      const work = op().then((bumped) => {
        const version = lockVersionOf(stateRef.current.etag);
        if (bumped && version !== null && idRef.current !== null) {
          apply({ type: "etag", etag: etagFor(idRef.current, version + 1) });
        }
        return bumped;
      });
      inFlight.current = work.finally(() => {
        inFlight.current = null;
        if (stateRef.current.status === "pending") schedule(opts.current.delayMs ?? AUTOSAVE_DELAY_MS);
      });
      return work;
    },
    [apply, schedule],
  );

  return { state, waitingFor, edited, setComposing, flush, keepMine, takeTheirs, exclusive };
}

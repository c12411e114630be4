import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiFailure } from "@/api/errors";
import { Button } from "@/ui/Button";
import { formatDateTime } from "@/ui/format";
import { useShortcuts } from "@/ui/useShortcuts";
import { type ActionName, actedByLabel, actedByOf, NEEDS_WORDS, type OfferedAction } from "./actions";
import { ActionDialog } from "./ActionDialog";
import type { DocumentDetail } from "./queries";
import { type ActionRequest, useDocumentAction } from "./useDocumentAction";

const PRIMARY = new Set<ActionName>(["approve", "agree", "post-approve", "resubmit"]);
const DANGER = new Set<ActionName>(["return", "disagree"]);
/** Confirmed in a dialog though they need no words: they change who holds the document. */
const SHORTCUT_OF: Partial<Record<ActionName, string>> = { approve: "a", agree: "a", return: "r", disagree: "r", hold: "h" };
const CONFIRM = new Set<ActionName>(["recall", "resubmit", "edit"]);

interface Props {
  document: Pick<DocumentDetail, "id" | "title" | "body">;
  offered: OfferedAction[];
  onActed?: (action: OfferedAction) => void;
}

/** Every action offered to this person, at the bottom of the screen within the thumb's reach. */
export function ActionBar({ document, offered, onActed }: Props) {
  const { t, i18n } = useTranslation("document");
  const [open, setOpen] = useState<OfferedAction | null>(null);
  const [done, setDone] = useState<ActionName | null>(null);
  const mutation = useDocumentAction(document.id, (action) => {
    setOpen(null);
    setDone(action.name);
    // An edit is a step towards approving, not the end of the item: the box keeps it open.
    if (action.name !== "edit") onActed?.(action);
  });
  const conflict = mutation.error instanceof ApiFailure && mutation.error.status === 409 ? mutation.error : null;
  const conflictText = (error: ApiFailure) => {
    const actedBy = actedByOf(error);
    if (!actedBy) return t("conflict.someone");
    const what = actedBy.action ? t(`stepStatus.${actedBy.action}`, { defaultValue: actedBy.action }) : "";
    const when = formatDateTime(actedBy.acted_at, i18n.language);
    return t(when ? "conflict.actedByAt" : "conflict.actedBy", { name: actedByLabel(actedBy), what, when });
  };

  // A second tap before React has re-rendered the pending button is still the same tap.
  const busy = useRef(false);
  function act(request: ActionRequest, onError?: (error: Error) => void) {
    if (busy.current) return;
    busy.current = true;
    mutation.mutate(request, {
      onError,
      onSettled: () => {
        busy.current = false;
      },
    });
  }

  function start(action: OfferedAction) {
    setDone(null);
    if (NEEDS_WORDS[action.name] !== "none" || CONFIRM.has(action.name)) {
      mutation.reset();
      setOpen(action);
    } else {
      act({ action, input: {} });
    }
  }
  const find = (...names: ActionName[]) => offered.find((action) => names.includes(action.name));
  const shortcut = (...names: ActionName[]) => () => {
    const action = find(...names);
    if (action && !mutation.isPending) start(action);
  };
  useShortcuts({ a: shortcut("approve", "agree"), r: shortcut("return", "disagree"), h: shortcut("hold") });

  const pendingName = mutation.isPending ? mutation.variables?.action.name : undefined;
  return (
    <>
      <div className={`doc-dock${offered.length || done || mutation.error ? " doc-dock--shown" : ""}`}>
        <div className="doc-dock__status" aria-live="polite">
          {done ? <p className="notice notice--success">{t(`done.${done}`)}</p> : null}
        </div>
        {conflict ? (
          <div className="notice notice--warning" role="alert">
            <p>{conflictText(conflict)}</p>
            {!actedByOf(conflict) && conflict.body?.detail ? <p className="muted">{conflict.body.detail}</p> : null}
          </div>
        ) : null}
        {!open && mutation.error && !conflict ? (
          <p className="notice notice--danger" role="alert">
            {mutation.error instanceof ApiFailure
              ? (mutation.error.body?.detail ?? t("errors.failed", { status: mutation.error.status }))
              : t("errors.network")}
          </p>
        ) : null}
        {offered.length > 0 ? (
          <div className="doc-actions" role="group" aria-label={t("actions.label")}>
            {offered.map((action) => (
              <Button
                key={`${action.name}:${action.taskId ?? ""}`}
                size="large"
                variant={PRIMARY.has(action.name) ? "primary" : DANGER.has(action.name) ? "danger" : "tertiary"}
                className={`doc-actions__button doc-actions__button--${action.name}`}
                isPending={pendingName === action.name}
                isDisabled={mutation.isPending && pendingName !== action.name}
                onPress={() => start(action)}
                aria-keyshortcuts={SHORTCUT_OF[action.name]}
              >
                {t(`actions.${action.name}`)}
              </Button>
            ))}
          </div>
        ) : null}
      </div>
      {open ? (
        <ActionDialog
          action={open}
          document={document}
          isPending={mutation.isPending}
          error={mutation.error}
          onSubmit={(input) =>
            // Someone acted first: the dialog gives way to who it was, and the document is read again.
            act({ action: open, input }, (error) => {
              if (error instanceof ApiFailure && error.status === 409) setOpen(null);
            })
          }
          onClose={() => {
            setOpen(null);
          }}
        />
      ) : null}
    </>
  );
}

import { type FormEvent, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiFailure, fieldErrors } from "@/api/errors";
import { Button } from "@/ui/Button";
import { NEEDS_WORDS, type OfferedAction } from "./actions";
import type { DocumentDetail } from "./queries";
import type { ActionInput } from "./useDocumentAction";

interface Props {
  action: OfferedAction;
  document: Pick<DocumentDetail, "title" | "body">;
  isPending: boolean;
  error: unknown;
  onSubmit: (input: ActionInput) => void;
  onClose: () => void;
}

/**
 * The words an action needs, in a native modal dialog (showModal traps focus and
 * Escape closes it). A required reason is checked before anything is sent.
 */
export function ActionDialog({ action, document, isPending, error, onSubmit, onClose }: Props) {
  const { t } = useTranslation("document");
  const ref = useRef<HTMLDialogElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const id = useId();
  const words = NEEDS_WORDS[action.name];
  const [text, setText] = useState("");
  const [to, setTo] = useState<"drafter" | "previous">("drafter");
  const [title, setTitle] = useState(document.title);
  const [missing, setMissing] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  const serverError = error instanceof ApiFailure && error.status !== 409 ? error : null;
  const serverFields = fieldErrors(serverError?.body);
  const wordsError = missing
    ? t("dialog.required")
    : (serverFields.get("reason") ?? serverFields.get("comment"))?.join(" ");

  function submit(event: FormEvent) {
    event.preventDefault();
    if (isPending) return;
    if (words === "required" && !text.trim()) {
      setMissing(true);
      return;
    }
    const input: ActionInput = {};
    if (action.name === "return") Object.assign(input, { reason: text.trim(), to });
    else if (action.name === "hold" || action.name === "withdraw") input.reason = text.trim();
    else if (words !== "none") input.comment = text.trim();
    if (action.name === "edit") {
      const content: Record<string, unknown> = {};
      if (title.trim() !== document.title) content.title = title.trim();
      const body = bodyRef.current?.innerHTML ?? document.body ?? "";
      if (body !== (document.body ?? "")) content.body = body;
      input.content = content;
    }
    onSubmit(input);
  }

  const label = words === "required" ? t(`dialog.reason.${action.name}`) : t("dialog.comment");
  const danger = action.name === "return" || action.name === "disagree" || action.name === "withdraw";
  return (
    <dialog
      ref={ref}
      className="doc-dialog"
      aria-labelledby={`${id}-title`}
      onClose={onClose}
      onCancel={(event) => {
        if (isPending) event.preventDefault();
      }}
    >
      <form method="dialog" onSubmit={submit} noValidate>
        <h2 id={`${id}-title`} className="doc-dialog__title">
          {t(`actions.${action.name}`)}
        </h2>
        <p className="doc-dialog__lead">{t(`dialog.lead.${action.name}`)}</p>
        {action.name === "return" ? (
          <fieldset className="doc-dialog__choice">
            <legend>{t("dialog.returnTo")}</legend>
            {(["drafter", "previous"] as const).map((value) => (
              <label key={value}>
                <input type="radio" name="to" value={value} checked={to === value} onChange={() => setTo(value)} />
                {t(`dialog.to.${value}`)}
              </label>
            ))}
          </fieldset>
        ) : null}
        {action.name === "edit" ? (
          <>
            <label className="doc-dialog__label" htmlFor={`${id}-edit-title`}>
              {t("dialog.editTitle")}
            </label>
            <input
              id={`${id}-edit-title`}
              className="doc-dialog__input"
              value={title}
              onChange={(event) => setTitle(event.target.value)}
            />
            <p className="doc-dialog__label" id={`${id}-edit-body`}>
              {t("dialog.editBody")}
            </p>
            <div
              ref={bodyRef}
              className="doc-dialog__input doc-dialog__body doc-body"
              contentEditable
              suppressContentEditableWarning
              role="textbox"
              aria-multiline="true"
              aria-labelledby={`${id}-edit-body`}
              tabIndex={0}
              // The body is the server's sanitised HTML; the server sanitises the edit again.
              dangerouslySetInnerHTML={{ __html: document.body ?? "" }}
            />
          </>
        ) : null}
        {words !== "none" ? (
          <>
            <label className="doc-dialog__label" htmlFor={`${id}-words`}>
              {label}
              {words === "required" ? <span className="doc-dialog__required"> {t("dialog.requiredMark")}</span> : null}
            </label>
            <textarea
              id={`${id}-words`}
              className="doc-dialog__input"
              rows={4}
              maxLength={4000}
              value={text}
              required={words === "required"}
              aria-invalid={wordsError ? true : undefined}
              aria-describedby={wordsError ? `${id}-words-error` : undefined}
              onChange={(event) => {
                setText(event.target.value);
                if (event.target.value.trim()) setMissing(false);
              }}
            />
            {wordsError ? (
              <p className="doc-dialog__error" id={`${id}-words-error`}>
                {wordsError}
              </p>
            ) : null}
          </>
        ) : null}
        {serverError && !wordsError ? (
          <p className="notice notice--danger" role="alert">
            {serverError.body?.detail ?? t("errors.failed", { status: serverError.status })}
          </p>
        ) : null}
        <div className="doc-dialog__buttons">
          <Button variant="tertiary" size="large" onPress={() => ref.current?.close()} isDisabled={isPending}>
            {t("dialog.cancel")}
          </Button>
          <Button type="submit" variant={danger ? "danger" : "primary"} size="large" isPending={isPending}>
            {t(`actions.${action.name}`)}
          </Button>
        </div>
      </form>
    </dialog>
  );
}

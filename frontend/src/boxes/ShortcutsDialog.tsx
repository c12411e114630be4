import { forwardRef } from "react";
import { useTranslation } from "react-i18next";
import { DOCUMENT_SHORTCUTS } from "@/document/shortcuts";

const LIST_SHORTCUTS = [
  { key: "j", label: "shortcuts.next" },
  { key: "k", label: "shortcuts.previous" },
  { key: "Enter", label: "shortcuts.open" },
  { key: "?", label: "shortcuts.help" },
] as const;

/** "?" lists the keys: the list's and the document panel's (a, r, h). A native modal dialog. */
export const ShortcutsDialog = forwardRef<HTMLDialogElement>(function ShortcutsDialog(_, ref) {
  const { t } = useTranslation("boxes");
  return (
    <dialog ref={ref} className="shortcuts-dialog" aria-labelledby="shortcuts-title">
      <h2 id="shortcuts-title">{t("shortcuts.title")}</h2>
      <dl className="shortcuts-dialog__list">
        {LIST_SHORTCUTS.map((item) => (
          <div key={item.key}>
            <dt>
              <kbd>{item.key}</kbd>
            </dt>
            <dd>{t(item.label)}</dd>
          </div>
        ))}
        {/* The document panel's own keys (it registers them), in its words. */}
        {DOCUMENT_SHORTCUTS.map((item) => (
          <div key={item.key}>
            <dt>
              <kbd>{item.key}</kbd>
            </dt>
            <dd>{t(item.label, { ns: "document" })}</dd>
          </div>
        ))}
      </dl>
      <form method="dialog">
        <button type="submit" className="btn btn--primary btn--medium" autoFocus>
          {t("common:actions.close")}
        </button>
      </form>
    </dialog>
  );
});

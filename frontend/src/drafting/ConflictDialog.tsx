import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { formatDateTime } from "@/ui/format";
import { Button } from "@/ui/Button";
import { type Conflict, conflictDifferences } from "./autosave";
import { valuesFromDocument } from "./schema";

interface ConflictDialogProps {
  conflict: Conflict | null;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}

/** Someone saved this draft first: their version beside this one, field by field; the person picks. */
export function ConflictDialog({ conflict, onKeepMine, onTakeTheirs }: ConflictDialogProps) {
  const { t, i18n } = useTranslation("drafting");
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (conflict && !dialog.open) dialog.showModal();
    if (!conflict && dialog.open) dialog.close();
  }, [conflict]);

  const rows = conflict ? conflictDifferences(valuesFromDocument(conflict.theirs), conflict.mine) : [];
  return (
    <dialog
      ref={ref}
      className="dialog conflict"
      aria-labelledby="conflict-title"
      aria-describedby="conflict-description"
      // Escape would leave the draft unsaved with no choice made: the choice is required.
      onCancel={(event) => event.preventDefault()}
    >
      <h2 id="conflict-title" className="dialog__title">
        {t("conflict.title")}
      </h2>
      <p id="conflict-description">
        {conflict
          ? t("conflict.description", { at: formatDateTime(conflict.theirs.updated_at, i18n.language) })
          : null}
      </p>
      {rows.length ? (
        <div className="conflict__table-wrap">
          <table className="conflict__table">
            <caption className="visually-hidden">{t("conflict.caption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("conflict.field")}</th>
                <th scope="col">{t("conflict.theirs")}</th>
                <th scope="col">{t("conflict.mine")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => (
                <tr key={row.field}>
                  <th scope="row">{t(`conflict.fields.${row.field}`)}</th>
                  <td>{row.theirs || <span className="muted">{t("conflict.empty")}</span>}</td>
                  <td>{row.mine || <span className="muted">{t("conflict.empty")}</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">{t("conflict.same")}</p>
      )}
      <div className="dialog__actions">
        <Button variant="primary" size="large" onPress={onKeepMine}>
          {t("conflict.keepMine")}
        </Button>
        <Button variant="tertiary" size="large" onPress={onTakeTheirs}>
          {t("conflict.takeTheirs")}
        </Button>
      </div>
    </dialog>
  );
}

import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ApiFailure } from "@/api/errors";
import { Button } from "@/ui/Button";
import { formatDateTime } from "@/ui/format";
import { type Absence, useCancelAbsence } from "./queries";

/** Asks before cancelling an absence: a native modal <dialog>, Escape and the buttons close it. */
export function CancelDialog({ absence, onClose }: { absence: Absence | null; onClose: (cancelled: boolean) => void }) {
  const { t, i18n } = useTranslation("absence");
  const ref = useRef<HTMLDialogElement>(null);
  const cancel = useCancelAbsence();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (absence && !dialog.open) {
      cancel.reset();
      dialog.showModal?.();
    } else if (!absence && dialog.open) dialog.close();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- on the absence only
  }, [absence]);

  const failure = cancel.error instanceof ApiFailure ? cancel.error.body?.detail : cancel.error ? t("cancelFailed") : null;
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="cancel-absence-title" onClose={() => absence && onClose(false)}>
      {absence ? (
        <>
          <h2 id="cancel-absence-title" className="dialog__title">
            {t("cancelTitle")}
          </h2>
          <p>
            {t("period", {
              start: formatDateTime(absence.starts_at, i18n.language),
              end: formatDateTime(absence.ends_at, i18n.language),
            })}
          </p>
          <p>{t("cancelExplain", { name: absence.deputy.name })}</p>
          {failure ? (
            <p className="notice notice--danger" role="alert">
              {failure}
            </p>
          ) : null}
          <div className="dialog__actions">
            <Button variant="tertiary" size="large" onPress={() => onClose(false)} autoFocus>
              {t("keep")}
            </Button>
            <Button
              variant="danger"
              size="large"
              isPending={cancel.isPending}
              onPress={() => cancel.mutate(absence.id, { onSuccess: () => onClose(true) })}
            >
              {t("confirmCancel")}
            </Button>
          </div>
        </>
      ) : null}
    </dialog>
  );
}

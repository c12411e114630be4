import { useQuery } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { api } from "@/api/client";
import { ApiFailure, unwrap } from "@/api/errors";
import { Button } from "@/ui/Button";

/**
 * The saved draft in the official layout, as the server's official templates print it
 * (GET /api/documents/{id}/preview/). The page is shown in a sandboxed frame: the server
 * sends it without script and under a CSP that loads nothing, and the sandbox keeps it so.
 */
export function PreviewDialog({ documentId, onClose }: { documentId: number; onClose: () => void }) {
  const { t } = useTranslation("drafting");
  const ref = useRef<HTMLDialogElement>(null);
  const preview = useQuery({
    queryKey: ["documents", String(documentId), "preview"],
    queryFn: async () =>
      unwrap(await api.GET("/api/documents/{id}/preview/", { params: { path: { id: String(documentId) } }, parseAs: "text" })),
    staleTime: 0,
    gcTime: 0,
  });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog ref={ref} className="dialog preview" aria-labelledby="preview-title" onClose={onClose}>
      <div className="preview__head">
        <h2 id="preview-title" className="dialog__title">
          {t("preview.title")}
        </h2>
        <Button variant="tertiary" onPress={() => ref.current?.close()}>
          {t("preview.close")}
        </Button>
      </div>
      <p className="muted">{t("preview.note")}</p>
      {preview.isPending ? (
        <p role="status">{t("common:state.loading")}</p>
      ) : preview.isError ? (
        <div className="notice notice--danger" role="alert">
          <p>
            {preview.error instanceof ApiFailure
              ? (preview.error.body?.errors?.[0]?.message ?? preview.error.message)
              : t("common:errors.network")}
          </p>
        </div>
      ) : (
        <iframe className="preview__frame" title={t("preview.frame")} sandbox="" srcDoc={preview.data} />
      )}
    </dialog>
  );
}

import { useTranslation } from "react-i18next";
import type { OfferedAction } from "./actions";
import { DocumentView } from "./DocumentView";

/**
 * The document beside a box's list on a wide screen; the document screen shows the same.
 * `onActed` runs after an action succeeded, so the box can open its next item.
 */
export function DocumentPanel({ id, onActed }: { id: number; onActed?: (action: OfferedAction) => void }) {
  const { t } = useTranslation("document");
  return (
    <section className="doc-panel" aria-label={t("panel")}>
      <DocumentView key={id} id={id} headingLevel={2} onActed={onActed} />
    </section>
  );
}

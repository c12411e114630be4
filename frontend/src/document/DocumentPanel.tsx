import type { OfferedAction } from "./actions";
import { DocumentView } from "./DocumentView";

/**
 * The document beside a box's list on a wide screen; the document screen shows the same.
 * `onActed` runs after an action succeeded, so the box can open its next item.
 */
export function DocumentPanel({ id, onActed }: { id: number; onActed?: (action: OfferedAction) => void }) {
  return (
    <div className="doc-panel">
      <DocumentView key={id} id={id} headingLevel={2} onActed={onActed} />
    </div>
  );
}

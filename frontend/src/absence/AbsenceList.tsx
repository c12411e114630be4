import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { Button } from "@/ui/Button";
import { formatDateTime } from "@/ui/format";
import type { Absence } from "./queries";
import { absenceState } from "./seoul-time";

export interface AbsenceListProps {
  absences: Absence[];
  editingId: number | undefined;
  onCancel: (absence: Absence) => void;
}

/** My absences, now and ahead first, then the past; each says its state in words. */
export function AbsenceList({ absences, editingId, onCancel }: AbsenceListProps) {
  const { t, i18n } = useTranslation("absence");
  if (absences.length === 0) return <p className="absence-list__empty">{t("none")}</p>;
  const order = { current: 0, upcoming: 1, past: 2 } as const;
  const sorted = absences
    .map((absence) => ({ absence, state: absenceState(absence) }))
    .sort((a, b) => order[a.state] - order[b.state] || Date.parse(b.absence.starts_at) - Date.parse(a.absence.starts_at));
  return (
    <ul className="absence-list">
      {sorted.map(({ absence, state }) => {
        const titleId = `absence-${absence.id}`;
        const period = t("period", {
          start: formatDateTime(absence.starts_at, i18n.language),
          end: formatDateTime(absence.ends_at, i18n.language),
        });
        return (
          <li key={absence.id} className={`absence absence--${state}`} aria-labelledby={titleId} aria-current={absence.id === editingId || undefined}>
            <p className="absence__state">
              <span className={`badge ${state === "current" ? "badge--accent" : ""}`}>{t(`state.${state}`)}</span>
            </p>
            <h3 className="absence__period" id={titleId}>
              {period}
            </h3>
            <p className="absence__deputy">
              {t("deputyIs", { name: absence.deputy.name, unit: absence.deputy.unit.name })}
            </p>
            {absence.reason ? <p className="absence__reason muted">{absence.reason}</p> : null}
            {state !== "past" ? (
              <div className="absence__actions">
                <Link to="/absence" search={{ edit: absence.id }} className="btn btn--tertiary btn--medium" aria-describedby={titleId}>
                  {t("change")}
                </Link>
                <Button variant="tertiary" onPress={() => onCancel(absence)} aria-describedby={titleId}>
                  {t("cancel")}
                </Button>
              </div>
            ) : null}
          </li>
        );
      })}
    </ul>
  );
}

import { useId } from "react";
import { useTranslation } from "react-i18next";
import { type Person, PersonCombobox, positionLabel } from "@/ui/PersonCombobox";
import { type AddChoice, consultTarget, idsOnLine, type Line, type LinePerson, NEW_STAGE, type Role } from "./lineState";

export type { AddChoice };

export const ROLES: readonly Role[] = ["review", "consult", "approve", "reference"];

export function linePersonOf(person: Person, language: string): LinePerson {
  return { id: person.id, name: person.name, position: positionLabel(person, language), unit: person.unit.name };
}

export interface AddPanelProps {
  line: Line;
  choice: AddChoice;
  onChoice: (choice: AddChoice) => void;
  onAdd: (person: LinePerson) => void;
  drafterId: number;
}

/** Who to add and as what: the role, the consult stage to join, and the people search. */
export function AddPanel({ line, choice, onChoice, onAdd, drafterId }: AddPanelProps) {
  const { t, i18n } = useTranslation("line");
  const selectId = useId();
  const consultStages = line.stages
    .map((stage, index) => ({ stage, index }))
    .filter(({ stage }) => stage.kind === "consult");
  const offered = [drafterId, ...idsOnLine(line)];

  return (
    <div className="line-add">
      <fieldset className="line-roles">
        <legend className="line-roles__legend">{t("add.role")}</legend>
        {ROLES.map((role) => (
          <label key={role} className="line-roles__option">
            <input
              type="radio"
              name="line-role"
              value={role}
              checked={choice.role === role}
              onChange={() => onChoice({ ...choice, role })}
            />
            <span>{t(`role.${role}`)}</span>
          </label>
        ))}
      </fieldset>
      <p className="muted line-add__where">{t(`add.where.${choice.role}`)}</p>
      {choice.role === "consult" && consultStages.length > 0 ? (
        <div className="field">
          <label className="field__label" htmlFor={selectId}>
            {t("add.consultStage")}
          </label>
          <select
            id={selectId}
            value={consultTarget(line, choice)}
            onChange={(event) => onChoice({ ...choice, consultStage: event.target.value })}
          >
            {consultStages.map(({ stage, index }) => (
              <option key={stage.key} value={stage.key}>
                {t("add.joinStage", { position: index + 1, names: stage.people.map((p) => p.name).join(", ") })}
              </option>
            ))}
            <option value={NEW_STAGE}>{t("add.newStage")}</option>
          </select>
        </div>
      ) : null}
      <PersonCombobox
        label={t("add.search", { role: t(`roleIn.${choice.role}`) })}
        description={t("add.searchHint")}
        value={null}
        clearOnSelect
        excludeIds={offered}
        onChange={(person) => {
          if (person) onAdd(linePersonOf(person, i18n.language));
        }}
      />
    </div>
  );
}

import { type KeyboardEvent, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "@/ui/Button";
import { absenceText } from "./LinePreview";
import { type Line, type LineErrors, type LinePerson, type LineStep, type Stage, stepKey } from "./lineState";

export interface LineStepsProps {
  line: Line;
  errors: LineErrors;
  onMove: (stage: Stage, delta: -1 | 1) => void;
  onRemove: (stage: Stage, person: LinePerson) => void;
  onRemoveReference: (person: LinePerson) => void;
  /** The stage to focus after a change (a move keeps the focus on what moved). */
  focusRequest: { key: string; target: "item" | "up" | "down"; seq: number } | null;
  /** Steps whose assignee is away now, by step key: who acts instead, from the last check. */
  absences?: ReadonlyMap<string, LineStep>;
}

function personText(person: LinePerson): string {
  return [person.name, person.position, person.unit].filter(Boolean).join(" · ");
}

function Messages({ id, messages }: { id: string; messages: string[] | undefined }) {
  if (!messages?.length) return null;
  return (
    <ul className="line-step__errors" id={id}>
      {messages.map((message) => (
        <li key={message}>{message}</li>
      ))}
    </ul>
  );
}

/**
 * The stages in order, each a focusable item: Alt+↑/↓ (or the buttons) move it, and the
 * server's errors sit on the stage or the person they name.
 */
export function LineSteps({ line, errors, onMove, onRemove, onRemoveReference, focusRequest, absences }: LineStepsProps) {
  const { t, i18n } = useTranslation("line");
  const items = useRef(new Map<string, HTMLLIElement>());

  useEffect(() => {
    if (!focusRequest) return;
    const item = items.current.get(focusRequest.key);
    if (!item) return;
    const button = focusRequest.target === "item" ? null : item.querySelector<HTMLButtonElement>(`[data-move="${focusRequest.target}"]`);
    (button && !button.disabled ? button : item).focus();
  }, [focusRequest]);

  const onKeyDown = (stage: Stage) => (event: KeyboardEvent<HTMLLIElement>) => {
    if (event.target !== event.currentTarget || !event.altKey) return;
    if (event.key === "ArrowUp" || event.key === "ArrowDown") {
      event.preventDefault();
      onMove(stage, event.key === "ArrowUp" ? -1 : 1);
    }
  };

  const total = line.stages.length;
  return (
    <div className="line-steps">
      {total === 0 ? <p className="notice notice--info">{t("steps.empty")}</p> : null}
      <ol className="line-steps__list" aria-label={t("steps.label")} aria-describedby="line-steps-hint">
        {line.stages.map((stage, index) => {
          const stageErrors = errors.stages[stage.key];
          const invalid = Boolean(stageErrors?.length) || stage.people.some((p) => errors.steps[stepKey(stage.key, p.id)]?.length);
          const names = stage.people.map((p) => p.name).join(", ");
          const kind = t(`kind.${stage.kind}`);
          return (
            <li
              key={stage.key}
              ref={(node) => {
                if (node) items.current.set(stage.key, node);
                else items.current.delete(stage.key);
              }}
              tabIndex={0}
              className="line-stage"
              data-kind={stage.kind}
              data-invalid={invalid || undefined}
              aria-label={t("steps.stageLabel", { position: index + 1, total, kind, names })}
              aria-describedby={stageErrors?.length ? `stage-errors-${stage.key}` : undefined}
              onKeyDown={onKeyDown(stage)}
            >
              <div className="line-stage__head">
                <span className="line-stage__order" aria-hidden="true">
                  {index + 1}
                </span>
                <span className="line-stage__kind">{kind}</span>
                {stage.kind === "consult" && stage.people.length > 1 ? (
                  <span className="badge">{t("steps.parallel")}</span>
                ) : null}
                {invalid ? (
                  <span className="badge badge--danger">
                    <span aria-hidden="true">⚠ </span>
                    {t("steps.hasError")}
                  </span>
                ) : null}
                <span className="line-stage__moves">
                  <Button
                    size="small"
                    variant="tertiary"
                    data-move="up"
                    isDisabled={index === 0}
                    aria-label={t("steps.moveUp", { kind, names })}
                    onPress={() => onMove(stage, -1)}
                  >
                    <span aria-hidden="true">↑</span>
                  </Button>
                  <Button
                    size="small"
                    variant="tertiary"
                    data-move="down"
                    isDisabled={index === total - 1}
                    aria-label={t("steps.moveDown", { kind, names })}
                    onPress={() => onMove(stage, 1)}
                  >
                    <span aria-hidden="true">↓</span>
                  </Button>
                </span>
              </div>
              <Messages id={`stage-errors-${stage.key}`} messages={stageErrors} />
              <ul className="line-stage__people">
                {stage.people.map((person) => {
                  const key = stepKey(stage.key, person.id);
                  const messages = errors.steps[key];
                  const away = absences?.get(key);
                  return (
                    <li key={person.id} className="line-step" data-invalid={messages?.length ? true : undefined}>
                      <div className="line-step__row">
                        <span className="line-step__who">
                          <strong>{person.name}</strong>
                          <span className="muted"> {[person.position, person.unit].filter(Boolean).join(" · ")}</span>
                        </span>
                        <Button
                          size="small"
                          variant="tertiary"
                          aria-label={t("steps.remove", { who: personText(person) })}
                          aria-describedby={messages?.length ? `step-errors-${key}` : undefined}
                          onPress={() => onRemove(stage, person)}
                        >
                          {t("steps.removeShort")}
                        </Button>
                      </div>
                      {away ? (
                        <p className="line-step__away">
                          <span aria-hidden="true">⚠ </span>
                          {absenceText(t, i18n.language, person, away, true)}
                        </p>
                      ) : null}
                      <Messages id={`step-errors-${key}`} messages={messages} />
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ol>
      <p className="muted line-steps__hint" id="line-steps-hint">
        {t("steps.hint")}
      </p>
      <h3 className="line-section__subtitle">{t("references.title")}</h3>
      {line.references.length === 0 ? (
        <p className="muted">{t("references.empty")}</p>
      ) : (
        <ul className="line-references">
          {line.references.map((person) => {
            const messages = errors.references[person.id];
            return (
              <li key={person.id} className="line-step" data-invalid={messages?.length ? true : undefined}>
                <div className="line-step__row">
                  <span className="line-step__who">
                    <strong>{person.name}</strong>
                    <span className="muted"> {[person.position, person.unit].filter(Boolean).join(" · ")}</span>
                  </span>
                  <Button
                    size="small"
                    variant="tertiary"
                    aria-label={t("steps.remove", { who: personText(person) })}
                    aria-describedby={messages?.length ? `reference-errors-${person.id}` : undefined}
                    onPress={() => onRemoveReference(person)}
                  >
                    {t("steps.removeShort")}
                  </Button>
                </div>
                <Messages id={`reference-errors-${person.id}`} messages={messages} />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

import { useTranslation } from "react-i18next";
import type { LineOutput } from "./lineState";
import type { LineCheck } from "./queries";

interface RuleNoteProps {
  check: LineCheck;
  settled: LineCheck | null;
  suggestion: LineOutput | null;
  unchanged: boolean;
}

/** The delegation rule the line follows (it depends on the document, not on the line), and 전결. */
export function RuleNote({ check, settled, suggestion, unchanged }: RuleNoteProps) {
  const { t } = useTranslation("line");
  const valid = settled?.state === "valid" ? settled.output : null;
  const output = valid ?? (unchanged ? suggestion : null);
  const rule = valid?.delegation_rule ?? suggestion?.delegation_rule;
  return (
    <div className="line-rule">
      {rule ? (
        <p className="line-rule__text">
          <span className="muted">{t("rule.label")}</span> <strong>{rule}</strong>
          {output?.delegated ? <span className="badge badge--accent line-rule__badge">{t("rule.delegated")}</span> : null}
        </p>
      ) : null}
      <p className="line-rule__status muted" aria-live="polite">
        {check.state === "checking" ? t("rule.checking") : settled?.state === "valid" ? t("rule.valid") : ""}
        {settled?.state === "failed" && check.state !== "checking" ? t("rule.failed") : ""}
      </p>
    </div>
  );
}

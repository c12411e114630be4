import { useQueries, useQuery } from "@tanstack/react-query";
import { useEffect, useMemo, useRef, useState } from "react";
import { Button as AriaButton, Collection, type Key, Tree, TreeItem, TreeItemContent } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { Button } from "@/ui/Button";
import type { LinePerson, Role } from "./lineState";
import { type Unit, unitPathQuery, unitQuery, unitsQuery } from "./queries";

interface Node {
  id: number;
  unit: Unit;
  children: Node[];
}

function unitName(unit: { name: string; name_en?: string }, language: string): string {
  return language === "en" && unit.name_en ? unit.name_en : unit.name;
}

export interface OrgChartProps {
  /** The drafter's unit: the chart opens down to it and lists its people until another is chosen. */
  homeUnit: number;
  /** Never offered: a drafter is not on their own line. */
  drafterId: number;
  selectedUnit: number | undefined;
  onSelectUnit: (unit: number | undefined) => void;
  role: Role;
  onLine: ReadonlySet<number>;
  onAdd: (person: LinePerson) => void;
}

/**
 * The org chart one level at a time (a unit's children load when it opens), operable as a
 * tree: ↑/↓ move, → opens, ← closes, Enter or Space chooses the unit whose people are listed.
 */
export function OrgChart({ homeUnit, drafterId, selectedUnit, onSelectUnit, role, onLine, onAdd }: OrgChartProps) {
  const { t, i18n } = useTranslation("line");
  const roots = useQuery(unitsQuery(null));
  const home = useQuery(unitPathQuery(homeUnit));
  const shown = selectedUnit ?? homeUnit;
  const [expanded, setExpanded] = useState<Set<Key>>(new Set());
  const opened = useRef(false);

  // The top opens at once; then the chart opens down to the drafter's unit, whose
  // colleagues are the likeliest picks. Each happens once: after that the person decides.
  const rootsOpened = useRef(false);
  useEffect(() => {
    if (rootsOpened.current || !roots.data) return;
    rootsOpened.current = true;
    const tops = roots.data.filter((unit) => unit.has_children).map((unit) => unit.id);
    setExpanded((current) => new Set([...current, ...tops]));
  }, [roots.data]);
  useEffect(() => {
    if (opened.current || !home.data) return;
    opened.current = true;
    const path = home.data.slice(0, -1);
    setExpanded((current) => new Set([...current, ...path]));
  }, [home.data]);

  // Once open, the drafter's unit is scrolled into the chart's view (the chart only, not the page).
  const treeRef = useRef<HTMLDivElement>(null);
  const scrolled = useRef(false);
  useEffect(() => {
    if (scrolled.current || !treeRef.current) return;
    const row = treeRef.current.querySelector<HTMLElement>(`[data-key="${homeUnit}"]`);
    if (!row) return;
    scrolled.current = true;
    const tree = treeRef.current;
    tree.scrollTop = Math.max(0, row.offsetTop - tree.offsetTop - tree.clientHeight / 2);
  });

  const expandedIds = useMemo(() => [...expanded].map(Number), [expanded]);
  const levels = useQueries({ queries: expandedIds.map((id) => unitsQuery(id)) });
  const childrenOf = new Map<number, Unit[]>();
  expandedIds.forEach((id, index) => {
    const data = levels[index]?.data;
    if (data) childrenOf.set(id, data);
  });

  const build = (unit: Unit, depth: number): Node => ({
    id: unit.id,
    unit,
    children: depth > 12 ? [] : (childrenOf.get(unit.id) ?? []).map((child) => build(child, depth + 1)),
  });
  const nodes = (roots.data ?? []).map((unit) => build(unit, 0));

  const renderNode = (node: Node) => (
    <TreeItem id={node.id} textValue={unitName(node.unit, i18n.language)} hasChildItems={node.unit.has_children} className="org-tree__item">
      <TreeItemContent>
        {({ hasChildItems, isExpanded }) => (
          <div className="org-tree__row">
            {hasChildItems ? (
              <AriaButton slot="chevron" className="org-tree__chevron" aria-label={t(isExpanded ? "org.collapse" : "org.expand", { unit: unitName(node.unit, i18n.language) })}>
                <span aria-hidden="true">{isExpanded ? "▾" : "▸"}</span>
              </AriaButton>
            ) : (
              <span className="org-tree__spacer" aria-hidden="true" />
            )}
            <span className="org-tree__name">{unitName(node.unit, i18n.language)}</span>
          </div>
        )}
      </TreeItemContent>
      <Collection items={node.children}>{renderNode}</Collection>
    </TreeItem>
  );

  return (
    <div className="org-chart">
      {roots.isPending ? <p className="muted">{t("common:state.loading")}</p> : null}
      {roots.isError ? <p className="notice notice--danger">{t("common:state.error")}</p> : null}
      <Tree
        ref={treeRef}
        aria-label={t("org.label")}
        className="org-tree"
        items={nodes}
        selectionMode="single"
        selectedKeys={[shown]}
        onSelectionChange={(keys) => {
          if (keys === "all") return;
          const [first] = [...keys];
          onSelectUnit(first === undefined ? undefined : Number(first));
        }}
        expandedKeys={expanded}
        onExpandedChange={setExpanded}
      >
        {renderNode}
      </Tree>
      <p className="muted org-chart__hint">{t("org.chooseUnit")}</p>
      <Members unitId={shown} drafterId={drafterId} role={role} onLine={onLine} onAdd={onAdd} />
    </div>
  );
}

interface MembersProps {
  unitId: number;
  drafterId: number;
  role: Role;
  onLine: ReadonlySet<number>;
  onAdd: (person: LinePerson) => void;
}

function Members({ unitId, drafterId, role, onLine, onAdd }: MembersProps) {
  const { t, i18n } = useTranslation("line");
  const unit = useQuery(unitQuery(unitId));
  if (unit.isPending) return <p className="muted">{t("common:state.loading")}</p>;
  if (unit.isError) return <p className="notice notice--danger">{t("common:state.error")}</p>;
  const name = unitName(unit.data, i18n.language);
  const roleName = t(`roleIn.${role}`);
  return (
    <section className="org-members" aria-labelledby="org-members-title">
      <h3 id="org-members-title" className="line-section__subtitle">
        {t("org.members", { unit: name })}
      </h3>
      {unit.data.members.length === 0 ? <p className="muted">{t("org.noMembers")}</p> : null}
      <ul className="org-members__list">
        {unit.data.members.filter((member) => member.id !== drafterId).map((member) => {
          const position = member.position
            ? i18n.language === "en" && member.position.title_en
              ? member.position.title_en
              : member.position.title
            : "";
          const already = onLine.has(member.id);
          return (
            <li key={member.id} className="org-members__item">
              <span>
                <strong>{member.name}</strong> <span className="muted">{position}</span>
              </span>
              <Button
                size="small"
                variant="secondary"
                isDisabled={already}
                aria-label={already ? t("org.alreadyOn", { name: member.name }) : t("org.addAs", { name: member.name, role: roleName })}
                onPress={() => onAdd({ id: member.id, name: member.name, position, unit: unit.data.name })}
              >
                {already ? t("org.onLine") : t("org.add", { role: roleName })}
              </Button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

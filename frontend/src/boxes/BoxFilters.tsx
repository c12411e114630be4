import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { api } from "@/api/client";
import { unwrap } from "@/api/errors";
import { useMe } from "@/auth/me";
import { type Box, type BoxFilters as Filters, type BoxItem, KINDS, type Kind } from "./boxes";
import { SearchField } from "./SearchField";
import { useWideScreen } from "./useWideScreen";

interface Props {
  box: Box;
  filters: Filters;
  items: readonly BoxItem[];
  onChange: (change: Partial<Filters>) => void;
}

type UnitOption = { id: number; name: string };

/**
 * The unit filter offers my own unit and the drafting units of what this box shows; the
 * API filters by one unit exactly, and the whole tree (174 units) is the line editor's job.
 */
function useUnitOptions(items: readonly BoxItem[], selected: number | undefined): UnitOption[] {
  const me = useMe();
  const known = new Map<number, string>();
  if (me.person?.unit) known.set(me.person.unit.id, me.person.unit.name);
  for (const item of items) known.set(item.document.unit.id, item.document.unit.name);
  const missing = selected !== undefined && !known.has(selected);
  const selectedUnit = useQuery({
    queryKey: ["units", selected],
    queryFn: async () => unwrap(await api.GET("/api/units/{id}/", { params: { path: { id: selected ?? 0 } } })),
    enabled: missing,
    staleTime: 10 * 60_000,
  });
  if (selected !== undefined && selectedUnit.data) known.set(selected, selectedUnit.data.name);
  return [...known].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "ko"));
}

/** On a phone the other filters fold under the search, open when one is set. */
function Collapsible({ collapsed, summary, open, children }: { collapsed: boolean; summary: string; open: boolean; children: ReactNode }) {
  if (!collapsed) return children;
  return (
    <details className="box-filters__more" open={open || undefined}>
      <summary>{summary}</summary>
      {children}
    </details>
  );
}

export function BoxFilters({ box, filters, items, onChange }: Props) {
  const { t } = useTranslation("boxes");
  const id = useId();
  const units = useUnitOptions(items, filters.unit);
  const any = Boolean(filters.kind || filters.from || filters.to || filters.unit || filters.q);
  const wide = useWideScreen();
  const more = [filters.kind, filters.unit, filters.from || filters.to].filter(Boolean).length;
  return (
    <section className="box-filters" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`} className="visually-hidden">
        {t("filters.title")}
      </h2>
      <SearchField value={filters.q ?? ""} onCommit={(q) => onChange({ q: q || undefined })} />
      <Collapsible collapsed={!wide} summary={t("filters.more", { count: more })} open={more > 0}>
      <div className="box-filters__grid">
        <div className="box-filters__field">
          <label htmlFor={`${id}-kind`} className="box-filters__label">
            {t("filters.kind")}
          </label>
          <select
            id={`${id}-kind`}
            className="box-filters__control"
            value={filters.kind ?? ""}
            onChange={(event) => onChange({ kind: (event.target.value || undefined) as Kind | undefined })}
          >
            <option value="">{t("filters.all")}</option>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(`kind.${kind}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="box-filters__field">
          <label htmlFor={`${id}-unit`} className="box-filters__label">
            {t("filters.unit")}
          </label>
          <select
            id={`${id}-unit`}
            className="box-filters__control"
            value={filters.unit ?? ""}
            onChange={(event) => onChange({ unit: event.target.value ? Number(event.target.value) : undefined })}
          >
            <option value="">{t("filters.all")}</option>
            {units.map((unit) => (
              <option key={unit.id} value={unit.id}>
                {unit.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="box-filters__period">
          <legend className="box-filters__label">{box === "drafts" ? t("filters.periodCreated") : t("filters.periodSubmitted")}</legend>
          <label htmlFor={`${id}-from`} className="visually-hidden">
            {t("filters.from")}
          </label>
          <input
            id={`${id}-from`}
            type="date"
            className="box-filters__control"
            value={filters.from ?? ""}
            max={filters.to}
            onChange={(event) => onChange({ from: event.target.value || undefined })}
          />
          <span aria-hidden="true">~</span>
          <label htmlFor={`${id}-to`} className="visually-hidden">
            {t("filters.to")}
          </label>
          <input
            id={`${id}-to`}
            type="date"
            className="box-filters__control"
            value={filters.to ?? ""}
            min={filters.from}
            onChange={(event) => onChange({ to: event.target.value || undefined })}
          />
        </fieldset>
      </div>
      </Collapsible>
      {any ? (
        <Link to="/boxes/$box" params={{ box }} search={{}} className="box-filters__clear">
          {t("filters.clear")}
        </Link>
      ) : null}
    </section>
  );
}

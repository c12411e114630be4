import { useQuery } from "@tanstack/react-query";
import { Link, useNavigate, useParams, useSearch } from "@tanstack/react-router";
import { lazy, Suspense, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { ApiFailure } from "@/api/errors";
import { useMe } from "@/auth/me";
import { Button } from "@/ui/Button";
import { useShortcuts } from "@/ui/useShortcuts";
import { BoxFilters } from "./BoxFilters";
import { BulkApprove, canBulkApprove } from "./BulkApprove";
import { BoxNav } from "./BoxNav";
import { BoxPager } from "./BoxPager";
import { BoxRow } from "./BoxRow";
import { type Box, type BoxFilters as Filters, PAGE_SIZE, hasFilters, isBox, moveSelection, nextAfter } from "./boxes";
import { boxListQuery, useRefreshBoxes } from "./queries";
import { ShortcutsDialog } from "./ShortcutsDialog";
import { useWideScreen } from "./useWideScreen";
import "./boxes.css";

// The document beside the list comes with the first wide screen that opens one, not before.
const DocumentPanel = lazy(() => import("@/document/DocumentPanel").then((module) => ({ default: module.DocumentPanel })));

export function BoxesScreen() {
  const { box } = useParams({ from: "/signed-in/boxes/$box" });
  // The route refuses any other name (notFound), so this holds.
  return isBox(box) ? <BoxScreen box={box} /> : null;
}

function BoxScreen({ box }: { box: Box }) {
  const { t } = useTranslation("boxes");
  const search = useSearch({ from: "/signed-in/boxes/$box" });
  const navigate = useNavigate({ from: "/boxes/$box" });
  const me = useMe();
  const wide = useWideScreen();
  const refresh = useRefreshBoxes();
  const list = useQuery(boxListQuery(box, search));
  const items = list.data?.results ?? [];
  const ids = items.map((item) => item.document.id);
  const beside = wide && box !== "drafts";
  const openId = beside ? search.open : undefined;
  const [selected, setSelected] = useState<number | undefined>(search.open);
  const links = useRef(new Map<number, HTMLAnchorElement>());
  const dialog = useRef<HTMLDialogElement>(null);
  const page = search.page ?? 1;
  const pages = list.data ? Math.max(1, Math.ceil(list.data.count / PAGE_SIZE)) : 1;
  const bulk = box === "to_act";
  const selectable = bulk ? items.filter(canBulkApprove) : [];
  const [checked, setChecked] = useState<ReadonlySet<number>>(new Set());
  const chosen = selectable.filter((item) => item.step && checked.has(item.step.id));
  const pageBox = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (pageBox.current) pageBox.current.indeterminate = chosen.length > 0 && chosen.length < selectable.length;
  });

  function check(taskId: number, on: boolean) {
    setChecked((current) => {
      const next = new Set(current);
      if (on) next.add(taskId);
      else next.delete(taskId);
      return next;
    });
  }

  useEffect(() => {
    if (search.open !== undefined) setSelected(search.open);
  }, [search.open]);

  function setFilters(change: Partial<Filters>) {
    void navigate({ search: (prev) => ({ ...prev, ...change, page: undefined, open: undefined }), replace: true });
  }

  function open(id: number | undefined) {
    void navigate({ search: (prev) => ({ ...prev, open: id }) });
  }

  function move(delta: 1 | -1) {
    const next = moveSelection(ids, selected, delta);
    if (next === undefined) return;
    setSelected(next);
    links.current.get(next)?.focus();
    if (beside) open(next);
  }

  // Enter on the focused row is the link's own; a, r and h belong to the document panel.
  useShortcuts({
    j: () => move(1),
    k: () => move(-1),
    "?": () => dialog.current?.showModal(),
  });

  // After acting in the panel the next document opens, and every box's count and list refresh.
  function onActed() {
    if (openId === undefined) return;
    const next = nextAfter(ids, openId);
    open(next);
    if (next !== undefined) {
      setSelected(next);
      // The acted-on panel is gone with its buttons: focus goes to the next row, not the page's top.
      requestAnimationFrame(() => links.current.get(next)?.focus());
    }
    void refresh();
  }

  // The open document left the list (I acted on it, or someone else did): the next one opens.
  const shown = useRef<{ key: string; ids: number[] }>({ key: "", ids: [] });
  const listKey = JSON.stringify([box, search.kind, search.from, search.to, search.unit, search.q, page]);
  useEffect(() => {
    if (!list.data || list.isPlaceholderData) return;
    const before = shown.current;
    shown.current = { key: listKey, ids };
    if (openId === undefined || before.key !== listKey || ids.includes(openId) || !before.ids.includes(openId)) return;
    const next = nextAfter(
      before.ids.filter((id) => id === openId || ids.includes(id)),
      openId,
    );
    open(next);
    if (next !== undefined) setSelected(next);
  }, [list.data]);

  const pastTheEnd = list.error instanceof ApiFailure && list.error.status === 404 && page > 1;
  return (
    <main className="page boxes" id="main" data-beside={beside || undefined}>
      <BoxNav current={box} />
      <div className="boxes__list">
        <div className="boxes__head">
          <h1 className="page__title">{t(`box.${box}`)}</h1>
          <button type="button" className="btn btn--tertiary btn--small" onClick={() => dialog.current?.showModal()}>
            {t("shortcuts.button")}
          </button>
        </div>
        <BoxFilters box={box} filters={search} items={items} onChange={setFilters} />
        <p role="status" className="boxes__count">
          {list.data ? t(hasFilters(search) ? "list.countFiltered" : "list.count", { count: list.data.count }) : ""}
        </p>
        {list.isPending ? (
          <p className="muted">{t("common:state.loading")}</p>
        ) : pastTheEnd ? (
          <p className="notice notice--info">
            {t("list.pastTheEnd")}{" "}
            <Link to="/boxes/$box" params={{ box }} search={(prev) => ({ ...prev, page: undefined, open: undefined })}>
              {t("list.firstPage")}
            </Link>
          </p>
        ) : list.error ? (
          <div className="notice notice--danger" role="alert">
            <p>{list.error instanceof ApiFailure && list.error.body ? list.error.body.detail : t("common:state.error")}</p>
            <Button onPress={() => void list.refetch()}>{t("common:state.retry")}</Button>
          </div>
        ) : items.length === 0 ? (
          <p className="boxes__empty">{hasFilters(search) ? t("list.emptyFiltered") : t(`empty.${box}`)}</p>
        ) : (
          <>
            {selectable.length > 0 ? (
              <label className="boxes__select-page">
                <input
                  ref={pageBox}
                  type="checkbox"
                  className="box-row__check"
                  checked={chosen.length === selectable.length}
                  onChange={(event) =>
                    setChecked(new Set(event.target.checked ? selectable.map((item) => item.step?.id ?? 0) : []))
                  }
                />
                {t("bulk.selectPage")}
              </label>
            ) : null}
            <ol
              className="box-list"
              aria-label={t("list.label", { box: t(`box.${box}`), page, pages })}
              aria-busy={list.isPlaceholderData || undefined}
            >
              {items.map((item) => (
                <BoxRow
                  key={item.step ? `s${item.step.id}` : `d${item.document.id}`}
                  box={box}
                  item={item}
                  personId={me.person?.id}
                  beside={beside}
                  isOpen={openId === item.document.id}
                  isSelected={selected === item.document.id}
                  onFocus={() => setSelected(item.document.id)}
                  checkbox={
                    bulk && item.step && canBulkApprove(item)
                      ? { checked: checked.has(item.step.id), onChange: (on) => check(item.step?.id ?? 0, on) }
                      : undefined
                  }
                  linkRef={(element) => {
                    if (element) links.current.set(item.document.id, element);
                    else links.current.delete(item.document.id);
                  }}
                />
              ))}
            </ol>
            <BoxPager box={box} page={page} pages={pages} />
          </>
        )}
        {bulk ? (
          // Mounted for the whole box, so the results stay when the approved ones leave the list.
          <BulkApprove
            selected={chosen}
            onDone={(approved) => setChecked((current) => new Set([...current].filter((id) => !approved.includes(id))))}
          />
        ) : null}
      </div>
      {beside ? (
        <section className="boxes__detail" aria-label={t("detail.label")}>
          {openId !== undefined ? (
            <Suspense fallback={<p className="muted">{t("common:state.loading")}</p>}>
              <DocumentPanel key={openId} id={openId} onActed={onActed} />
            </Suspense>
          ) : (
            <p className="boxes__pick muted">{items.length ? t("detail.pick") : ""}</p>
          )}
        </section>
      ) : null}
      <ShortcutsDialog ref={dialog} />
    </main>
  );
}

import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { useMe } from "@/auth/me";
import { BOXES, type Box, type Kind, proxyFor } from "@/boxes/boxes";
import { DueBadge } from "@/boxes/BoxRow";
import { boxCountsQuery, boxTopQuery } from "@/boxes/queries";
import { useWideScreen } from "@/boxes/useWideScreen";
import { personLabel } from "@/ui/people";
import { recentKinds, useFavourites } from "./forms";
import "./home.css";

export function HomeScreen() {
  const { t, i18n } = useTranslation("home");
  const me = useMe();
  const name = me.person ? personLabel(me.person, i18n.language) : me.username;
  return (
    <main className="page home" id="main">
      <h1 className="page__title home__title">{t("greeting", { name })}</h1>
      <section aria-labelledby="home-boxes" className="home__desk">
        <h2 id="home-boxes" className="home__section-title">
          {t("boxes")}
        </h2>
        <ul className="home__boxes">
          {BOXES.map((box) => (
            <BoxCard key={box} box={box} personId={me.person?.id} />
          ))}
        </ul>
      </section>
      <Forms personKey={String(me.person?.id ?? me.username)} />
    </main>
  );
}

function BoxCard({ box, personId }: { box: Box; personId: number | undefined }) {
  const { t } = useTranslation("home");
  const count = useQuery(boxCountsQuery).data?.[box];
  const top = useQuery(boxTopQuery(box));
  const wide = useWideScreen();
  const headingId = `home-box-${box}`;
  return (
    <li className="home-box card">
      <h3 className="home-box__title" id={headingId}>
        <Link to="/boxes/$box" params={{ box }} search={{}} className="home-box__link">
          {t(`boxes:box.${box}`)}
          {count !== undefined ? (
            <span className={count > 0 && box === "to_act" ? "badge badge--accent" : "badge"}>
              <span aria-hidden="true">{count}</span>
              <span className="visually-hidden">{t("boxes:nav.count", { count })}</span>
            </span>
          ) : null}
        </Link>
      </h3>
      {top.isPending ? (
        <p className="muted">{t("common:state.loading")}</p>
      ) : top.error ? (
        <p className="muted">{t("common:state.error")}</p>
      ) : top.data.results.length === 0 ? (
        <p className="muted home-box__empty">{t(`boxes:empty.${box}`)}</p>
      ) : (
        <ol className="home-box__items">
          {top.data.results.map((item) => {
            const proxy = proxyFor(item, personId);
            return (
              <li key={item.step ? `s${item.step.id}` : `d${item.document.id}`} className="home-box__item">
                {box === "drafts" ? (
                  <Link to="/documents/$id/edit" params={{ id: String(item.document.id) }}>
                    {item.document.title || t("boxes:row.untitled")}
                  </Link>
                ) : wide ? (
                  <Link to="/boxes/$box" params={{ box }} search={{ open: item.document.id }}>
                    {item.document.title || t("boxes:row.untitled")}
                  </Link>
                ) : (
                  <Link to="/documents/$id" params={{ id: String(item.document.id) }}>
                    {item.document.title || t("boxes:row.untitled")}
                  </Link>
                )}
                {proxy ? <span className="badge badge--proxy">{t("boxes:row.proxy", { name: proxy })}</span> : null}
                <DueBadge item={item} />
              </li>
            );
          })}
        </ol>
      )}
    </li>
  );
}

function Forms({ personKey }: { personKey: string }) {
  const { t } = useTranslation("home");
  const { favourites, toggle } = useFavourites(personKey);
  const drafts = useQuery(boxTopQuery("drafts")).data?.results ?? [];
  const sent = useQuery(boxTopQuery("in_progress")).data?.results ?? [];
  const recent = recentKinds([...drafts, ...sent]);
  const kinds: Kind[] = ["memo", "budget", "personnel"];
  return (
    <section aria-labelledby="home-forms" className="home__forms">
      <h2 id="home-forms" className="home__section-title">
        {t("forms.title")}
      </h2>
      <div className="home__form-lists">
        <div>
          <h3 className="home__list-title">{t("forms.favourites")}</h3>
          {favourites.length ? (
            <FormLinks kinds={favourites} />
          ) : (
            <p className="muted">{t("forms.noFavourites")}</p>
          )}
        </div>
        <div>
          <h3 className="home__list-title">{t("forms.recent")}</h3>
          {recent.length ? <FormLinks kinds={recent} /> : <p className="muted">{t("forms.noRecent")}</p>}
        </div>
        <div>
          <h3 className="home__list-title">{t("forms.all")}</h3>
          <ul className="home__form-all">
            {kinds.map((kind) => (
              <li key={kind}>
                <Link to="/drafts/new" search={{ kind }} className="home__form-link">
                  {t(`boxes:kind.${kind}`)}
                </Link>
                <button
                  type="button"
                  className="home__star"
                  aria-pressed={favourites.includes(kind)}
                  aria-label={t("forms.star", { kind: t(`boxes:kind.${kind}`) })}
                  onClick={() => toggle(kind)}
                >
                  <span aria-hidden="true">{favourites.includes(kind) ? "★" : "☆"}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </section>
  );
}

function FormLinks({ kinds }: { kinds: readonly Kind[] }) {
  const { t } = useTranslation("home");
  return (
    <ul className="home__form-chips">
      {kinds.map((kind) => (
        <li key={kind}>
          <Link to="/drafts/new" search={{ kind }} className="btn btn--secondary btn--medium">
            {t("forms.new", { kind: t(`boxes:kind.${kind}`) })}
          </Link>
        </li>
      ))}
    </ul>
  );
}

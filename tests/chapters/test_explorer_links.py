"""Every "all N" link of the book opens exactly its N rows in the explorer, at today's data and at 10 times as many
rows (issue 24 item 6).

Each link is built here as its chapter builds it (the same modules and calls as the notebooks): the explorer view
it passes to links.explorer_view_href / rows_href (a table's "All N are in the explorer", a glued number beyond
links.MAX_LINK_IDS), the rows the page lists and the number it states. The view's filters are evaluated by
kxCore (_static/explorer-core.js) in Chromium on the payload of the same tables, and compared with those rows.
A view that opens other rows than its table is a chapter's view to change: marked strict xfail with the view that
would hold exactly the rows, so the test fails (XPASS) once the chapter mends it.
"""

import pandas as pd
import pytest

from kharkiv.build.explorer_bench import synthetic_tables
from kharkiv.chapters import assault, claims, counteroffensives, explorer
from kharkiv.chapters.civilian_harm import tables as harm_tables
from kharkiv.chapters.military_losses import facts as military_facts
from kharkiv.data.load import load_tables
from kharkiv.model import claims as claims_model
from kharkiv.model import harm, losses, periods, territory, views
from kharkiv.text import attribution, claims_text, harm_text, html_tables, links, wording
from tests.conftest import visit

SCALES = [1, 10]


# A link's case: tables -> (view, ids of the rows the page lists, the number the page states: None where it counts
# groups of figures, a day's reports or a count's, not the figures the explorer lists)


def _ids(frame: pd.DataFrame, col: str) -> set[str]:
    return {i for v in frame[col].dropna().astype(str) for i in v.split("; ")}


# --- the links, built as the chapters build them: name -> tables -> (view, rows listed, number stated) ---------


def _harm(t):
    phases_ = t["phases"].sort_values("order")
    events, statements = views.events(t), views.statements(t)
    tolls = attribution.with_roles(
        harm_text.tolls(statements, t["places"], phases_["start_date"].min()), t["claimants"]
    )
    people = ["civilians", "residents", "people"]
    return {
        "names": harm_text.source_names(t["sources"]),
        "tolls": tolls,
        "conflicts": harm_text.conflicts(tolls),
        "strikes": harm.strikes(events, t["places"]),
        "damage": harm_text.by_measure(statements, t["places"], harm.DAMAGE_MEASURES),
        "displacement": harm_text.by_measure(
            statements, t["places"], harm.DISPLACEMENT_MEASURES, subjects=people
        ),
        "strike_counts": harm_text.by_measure(statements, t["places"], harm.STRIKE_COUNT_MEASURES),
        "victims": harm.victims(events, statements),
    }


def harm_tolls(t):
    h = _harm(t)
    table = harm_tables.toll_table(h["tolls"], h["names"])
    return (
        links.rows_view("figures", h["tolls"]["statement_id"]),
        _ids(h["tolls"], "statement_id"),
        len(table),
    )


def harm_conflicts(t):
    h = _harm(t)
    table = harm_tables.conflict_table(h["tolls"], h["conflicts"])
    assert len(table) == len(h["conflicts"])  # one row a day or attack: its "All N" counts them, not figures
    ids = _ids(h["conflicts"], "statement_ids")
    return links.rows_view("figures", ids), ids, None


def harm_strikes(t):
    h = _harm(t)
    table = harm_tables.strike_table(h["strikes"], h["names"])
    return harm_tables.STRIKES_VIEW, _ids(h["strikes"], "event_id"), len(table)


def harm_strike_counts(t):
    h = _harm(t)
    table = harm_tables.strike_count_table(h["strike_counts"], h["names"])
    return harm_tables.STRIKE_COUNTS_VIEW, _ids(h["strike_counts"], "statement_id"), len(table)


def harm_damage(t):
    h = _harm(t)
    table = harm_tables.damage_table(h["damage"], h["displacement"], h["names"])
    return harm_tables.DAMAGE_VIEW, _ids(table, "statement_id"), len(table)


def harm_victims(t):
    h = _harm(t)
    table = harm_tables.victim_table(h["victims"], h["names"])
    return links.rows_view("events", h["victims"]["event_id"]), _ids(h["victims"], "event_id"), len(table)


def _claims(t):
    ev = views.events(t)
    return ev, wording.with_figures(views.statements(t), "short")


def claims_spread(t):
    _, st = _claims(t)
    spread = claims_text.spread(st)
    place_names = dict(zip(t["places"]["place_id"], t["places"]["name"], strict=False))
    table = claims.spread_table(spread, place_names)
    assert len(table) == len(spread)  # one row a count: its "All N" counts them, not figures
    ids = _ids(spread, "statement_ids")
    return links.rows_view("figures", ids), ids, None


def claims_multi_source(t):
    ev, _ = _claims(t)
    table = claims.multi_source_events(ev, harm_text.source_names(t["sources"]))
    return links.rows_view("events", table["event_id"]), _ids(table, "event_id"), len(table)


def _claims_label(label):
    def case(t):
        ev, st = _claims(t)
        one = claims_model.one_per_claim(ev, st)
        keys = one.loc[one["verification"] == label, "key"]
        return {"verif": label}, set(keys.astype(str)), len(keys)

    return case


def _military(t):
    military = military_facts.figures(t)
    return military, harm_text.source_names(t["sources"])


def military_units(t):
    military, names = _military(t)
    rows = losses.by_unit(losses.unit_figures(military))
    table = military_facts.listing(rows, names)
    return links.rows_view("figures", rows["statement_id"]), _ids(rows, "statement_id"), len(table)


def _military_subject(subject):
    def case(t):
        military, names = _military(t)
        rows = losses.by_time(military[military["subject"] == subject])
        table = military_facts.listing(rows, names)
        return links.rows_view("figures", rows["statement_id"]), _ids(rows, "statement_id"), len(table)

    return case


def military_ua_on_ru(t):
    ua = losses.ua_on_ru(losses.losses(military_facts.figures(t)))
    return links.rows_view("figures", ua["statement_id"]), _ids(ua, "statement_id"), len(ua)


def military_ru_on_ua(t):
    ru = losses.ru_on_ua(losses.losses(military_facts.figures(t)))
    return military_facts.RU_ON_UA_VIEW, _ids(ru, "statement_id"), len(ru)


def _windows(t):
    return {k: periods.window(t["phases"], p) for k, p in territory.PERIODS.items()}


def counteroffensive_recaptures(t):
    """The settlements retaken in May and September (the caveat's linked counts) and every place each names."""
    events = views.events(t)
    w = _windows(t)
    won = pd.concat([territory.first_retaken(territory.retaken(t, *w[k], events=events)) for k in w])
    places = pd.concat([territory.named_places(events, *w[k]) for k in w])
    rows = pd.concat([won, places])
    assert counteroffensives.rows_view(won)["ids"] == sorted(_ids(won, "event_id"))
    return counteroffensives.rows_view(rows), _ids(rows, "event_id"), None


def counteroffensive_losses(t):
    statements = attribution.with_roles(views.statements(t), t["claimants"])
    w = _windows(t)
    rows = counteroffensives.sept_losses(statements, w["sept"])
    view = counteroffensives.losses_view(w["sept"])
    return view, _ids(rows, "statement_id"), len(counteroffensives.claim_rows(rows))


def assault_tolls(t):
    rivals = assault.assault_tolls(t)
    table = html_tables.report_table(rivals, "civilians killed")
    return assault.toll_view(rivals), _ids(rivals, "statement_id"), len(table)


def assault_events(t):
    events = periods.assault_events(views.events(t))
    return {"phase": periods.ASSAULT}, _ids(events, "event_id"), len(events)


def _phase_rate(which):
    def case(t):
        ph = t["phases"].sort_values("order").reset_index(drop=True)
        events = views.events(t)
        stats = periods.by_phase(events, ph)
        p = dict(zip(("busiest", "quietest"), periods.busiest_and_quietest(stats), strict=True))[which]
        ids = events.loc[events["phase_id"] == p["phase_id"], "event_id"]
        return {"phase": p["phase_id"]}, set(ids), len(ids)

    return case


# page: link -> case; the views the chapters pass (see each chapter module)
LINKS = {
    "civilian_harm: every report of people killed or wounded": harm_tolls,
    "civilian_harm: the reports of each day": harm_conflicts,
    "civilian_harm: every strike on the city": harm_strikes,
    "civilian_harm: counts of strikes and places hit": harm_strike_counts,
    "civilian_harm: damage, evacuation and departure": harm_damage,
    "civilian_harm: the people the sources describe": harm_victims,
    "claims: every count given by more than one official": claims_spread,
    "claims: events told by more than one document": claims_multi_source,
    "claims: refuted claims (glued number)": _claims_label("refuted"),
    "claims: disputed claims (glued number)": _claims_label("disputed"),
    "military_losses: the unit figures": military_units,
    **{
        f"military_losses: every figure about {s}": _military_subject(s)
        for s in ("russian military", "ukrainian military")
    },
    "military_losses: Ukrainian figures of Russian losses (glued number)": military_ua_on_ru,
    "military_losses: Russian figures of Ukrainian losses (glued number)": military_ru_on_ua,
    "counteroffensives: every recapture report": counteroffensive_recaptures,
    "counteroffensives: the loss figures for the September days": counteroffensive_losses,
    "assault: the reports of the deadliest day": assault_tolls,
    "assault: the assault's events (glued number)": assault_events,
    "phases: the busiest phase's events (glued rate)": _phase_rate("busiest"),
    "phases: the quietest phase's events (glued rate)": _phase_rate("quietest"),
}

# Links whose view opens other rows than the page lists, with what the chapter must change: each becomes a strict
# xfail, so that mending it makes the mark go. None today.
_FIX: dict[str, str] = {}
MISMATCHES: dict[tuple[str, int], str] = {
    (name, scale): f"the chapter's view opens more rows; exact: {fix}"
    for name, fix in _FIX.items()
    for scale in SCALES
}


@pytest.fixture(scope="module")
def scaled():
    t = load_tables()
    return {1: t, 10: synthetic_tables(t, 10)}


@pytest.fixture(scope="module")
def core(browser, server):
    page, errors, _ = visit(browser, server + "notebooks/explorer.html")
    page.wait_for_function("document.getElementById('kx-explorer').dataset.ready === '1'")
    yield page
    assert not errors, errors
    page.close()


@pytest.fixture(scope="module")
def payloads(core, scaled):
    """Each scale's payload, loaded into the page once as window.DS[scale]."""
    core.evaluate("window.DS = {}")
    for scale, t in scaled.items():
        core.evaluate("([k, d]) => { window.DS[k] = d; }", [scale, explorer.explorer_data(t)])
    return core


def opened(core, scale: int, view: dict) -> list[str]:
    """The ids the explorer lists for a view (its rows within the chosen days, as the list shows them)."""
    return core.evaluate(
        """([k, view]) => {
          const D = window.DS[k], figs = view.view === 'figures';
          const c = kxCore.criteria(D, view);
          const m = figs ? kxCore.matchFigures(D, c, null, kxCore.figurePhases(D)) : kxCore.matchEvents(D, c, null);
          return m.rows.map((i) => D[figs ? 'figures' : 'events'].id[i]);
        }""",
        [scale, view],
    )


def test_every_view_a_chapter_passes_is_covered():
    """The views listed here are the ones the chapter modules and notebooks pass (a new one must be added)."""
    t = load_tables()
    for name, case in LINKS.items():
        view, ids, n = case(t)
        assert isinstance(view, dict) and ids and (n is None or n == len(ids)), name
        assert links.explorer_view_href(view).startswith("explorer.html#"), name


@pytest.mark.browser
@pytest.mark.parametrize("scale", SCALES)
@pytest.mark.parametrize("name", list(LINKS))
def test_an_all_n_link_opens_exactly_its_rows(payloads, scaled, request, name, scale):
    if (name, scale) in MISMATCHES:
        request.applymarker(pytest.mark.xfail(strict=True, reason=MISMATCHES[name, scale]))
    view, ids, n = LINKS[name](scaled[scale])
    got = opened(payloads, scale, view)
    extra, missing = sorted(set(got) - ids), sorted(ids - set(got))
    assert not extra and not missing and len(got) == (len(ids) if n is None else n), (
        f"{name} at {scale}x: {links.explorer_view_href(view)} opens {len(got)} rows, the page states {n}; "
        f"{len(extra)} more ({extra[:5]}), {len(missing)} missing ({missing[:5]})"
    )

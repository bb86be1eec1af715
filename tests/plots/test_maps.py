"""kharkiv.plots.maps: projected maps with scale bar, north arrow and labels that do not collide."""

import itertools

import pandas as pd
import pytest
from matplotlib.text import Text

from kharkiv.model import harm
from kharkiv.plots import city_figure, maps, style


def test_region_map_is_projected_with_scale_bar_and_north_arrow():
    _fig, ax = style.figure()
    maps.region_map(ax, scale_km=50)
    x0, x1 = ax.get_xlim()
    assert x1 - x0 > 100_000  # metres, not degrees
    assert any(t.get_text() == "50 km" for t in ax.texts)
    assert any(getattr(t, "get_text", lambda: "")() == "N" for t in ax.texts)


def test_labels_do_not_collide():
    fig, ax = style.figure(figsize=(4, 4))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    texts = maps.place_labels(
        ax, [5, 5.05, 5.1], [5, 5.05, 5.1], ["Tsyrkuny", "Cherkaski Tyshky", "Peremoha"]
    )
    fig.canvas.draw()
    boxes = [t.get_window_extent() for t in texts]
    assert not any(a.overlaps(b) for i, a in enumerate(boxes) for b in boxes[i + 1 :])


@pytest.mark.parametrize("ha", ["left", "center", "right"])
@pytest.mark.parametrize("va", ["bottom", "center", "top"])
def test_a_label_lands_where_its_size_predicts(ha, va):
    """Label placement rules spots out from the label's size alone (maps._box_at): the prediction is where
    Matplotlib puts it, one line or two."""
    fig, ax = style.figure(figsize=(4, 4))
    ax.set_xlim(0, 10)
    ax.set_ylim(0, 10)
    renderer = fig.canvas.get_renderer()
    for name in ["Tsyrkuny", "Cherkaski\nTyshky"]:
        t = ax.annotate(
            name, (5, 5), xytext=(7.5, -3.2), textcoords="offset points", fontsize=9, ha=ha, va=va
        )
        t.update_positions(renderer)
        real = Text.get_window_extent(t, renderer)
        predicted = maps._box_at(
            (real.width, real.height), ax.transData.transform((5, 5)), 7.5, -3.2, ha, va, fig.dpi
        )
        assert predicted.bounds == pytest.approx(real.bounds, abs=1e-6)


def test_gazetteer_only_verified_points():
    g = maps.gazetteer()
    assert len(g) and (g["verified"] == "yes").all()


def test_strike_circles_grow_with_strikes_but_stay_on_the_map_at_scale():
    from kharkiv.plots import maps

    assert maps.marker_area(1, 3) == 40 and maps.marker_area(3, 3) == 140  # today's sizes: 50 pt² a strike
    most = 300
    assert maps.marker_area(most, most) == 40 + maps.MARKER_STEP * maps.MARKER_STEPS
    assert maps.marker_area(2, most) < maps.marker_area(most, most)


# --- Every static map the book draws: no two labels overlap (issue 24) ---


@pytest.fixture(scope="module")
def book():
    from kharkiv.data.load import load_tables
    from kharkiv.model import views

    t = load_tables()
    return t, views.events(t)


def _overview(t, events):
    from kharkiv.model import counts, periods

    fig, ax = style.figure(figsize=(9, 8.2))
    may, sept = (counts.settlements_retaken(t, p, events=events) for p in periods.COUNTEROFFENSIVES)
    handles = maps.settlements_map(ax, t["places"], [("May", may, "#0072B2"), ("September", sept, "#D55E00")])
    ax.legend(handles=handles, loc="lower right", fontsize=9, frameon=True)
    return fig


def _city(t, events):
    parts = harm.city_strikes(harm.strikes(events, t["places"]))
    return city_figure.city_strike_figure(parts, t["places"], "Strike sites")  # as the chapters draw it


def _panels(t, events):
    from kharkiv.model import periods, territory

    windows = {k: periods.window(t["phases"], p) for k, p in territory.PERIODS.items()}
    dates = [windows["may"][0] - pd.Timedelta(days=1), windows["may"][1], windows["sept"][1]]
    frames = territory.retaken_by(t, dates, events=events)
    fig, axes = style.figure(1, 3, figsize=(style.WIDTH, 3.6))
    maps.retaken_panels(axes, t["places"], frames, ["a", "b", "c"])
    fig.subplots_adjust(left=0.01, right=0.99, top=0.8, bottom=0.02, wspace=0.04)
    return fig


def _text_boxes(ax):
    """Every visible text on the map axes (recorded or not), as drawn."""
    renderer = ax.figure.canvas.get_renderer()
    return [
        (t.get_text(), Text.get_window_extent(t, renderer))
        for t in ax.texts
        if t.get_visible() and t.get_text().strip()
    ]


@pytest.mark.parametrize("draw", [_overview, _city, _panels], ids=["overview", "city", "retaken"])
@pytest.mark.parametrize("phone", [False, True], ids=["full", "phone"])
def test_no_label_overlaps_another_on_the_books_maps(book, draw, phone):
    fig = draw(*book)
    if phone:
        fig = style.narrow_figure(fig)
        assert fig is not None  # a map gets its phone rendering
    maps.relabel_figure(fig)  # as style.png does, at the layout the figure is saved with
    fig.canvas.draw()
    for ax in [a for a in fig.axes if a.texts]:
        texts = _text_boxes(ax)
        assert len(maps.labels(ax)) == len(texts)  # every text on a map is a recorded label
        clash = [(a, b) for (a, ba), (b, bb) in itertools.combinations(texts, 2) if ba.overlaps(bb)]
        assert not clash
        names = [t.get_text() for t in maps.labels(ax)]
        assert any("\n" not in n and n for n in names)  # the map names places


def test_scale_label_clear_of_the_credit_line(book):
    fig = _city(*book)
    style.png(fig, phone=False)
    renderer = fig.canvas.get_renderer()
    credit = [t.get_window_extent(renderer) for t in fig.texts if t is not fig._suptitle]
    scales = [t for ax in fig.axes for t in ax.texts if t.get_text().endswith(" km")]
    assert credit and len(scales) == 2  # the whole city and the centre, each with its scale
    assert not any(s.get_window_extent(renderer).overlaps(c) for s in scales for c in credit)


def test_city_map_counts_in_words_the_strikes_it_cannot_draw(book):
    t, events = book
    parts = harm.city_strikes(harm.strikes(events, t["places"]))
    fig = _city(t, events)
    note = " ".join(x.get_text().replace("\n", " ") for x in fig.texts)
    assert f"{len(parts['city_only'])} strikes the sources place only in the city" in note
    assert f"{len(parts['no_coordinate'])} strikes at named places with no known coordinates" in note


@pytest.mark.parametrize("phone", [False, True], ids=["full", "phone"])
def test_every_strike_site_with_a_position_is_drawn_and_named_on_the_city_maps(book, phone):
    t, events = book
    sites = maps.strike_sites(harm.city_strikes(harm.strikes(events, t["places"])))
    fig = _city(t, events)
    fig = style.narrow_figure(fig) if phone else fig
    style.png(fig, phone=False)  # labels placed again at the saved layout, as in the book
    named = {n.replace("\n", " ") for ax in fig.axes for n in (x.get_text() for x in maps.labels(ax))}
    left_out = [n for ax in fig.axes for n in maps.unlabelled(ax) if not n.endswith(("skyi", "nyi"))]
    assert not left_out  # only a district name may give way, never a struck site
    assert set(sites["place"]) <= named
    drawn = sum(
        len(c.get_offsets()) for ax in fig.axes[:1] for c in ax.collections if len(c.get_offsets()) == 1
    )
    assert drawn >= len(sites)  # each site a circle on the whole-city map (the star marks the centre)

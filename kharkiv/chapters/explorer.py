"""The explorer page: every event and figure as compact JSON for the page's script, a map drawn from data/geo,
and a server-rendered list that is the page without JavaScript (and what the book's search indexes).

Text from the data is escaped everywhere: in the HTML list by html.escape, in the JSON by escaping <, > and &,
so no field can close the <script> element that carries it.
"""

import html
import json
import re
from functools import cache
from pathlib import Path

import numpy as np
import pandas as pd
import shapely
import yaml
from pyproj import Transformer
from shapely.geometry import box, shape

from kharkiv.chapters import bibliography, explorer_schema
from kharkiv.data import ids as ids_mod
from kharkiv.data.load import load_tables
from kharkiv.data.paths import NOTEBOOKS, ROOT
from kharkiv.model import comparable, views
from kharkiv.model.geo import read_geojson
from kharkiv.model.harm import CITY as CITY_PLACE
from kharkiv.plots.maps import CITY, REGION
from kharkiv.text import dates, links

# Without JavaScript the page lists every event and figure up to this many; beyond it, the first ones and a note
# (the page would otherwise weigh megabytes at 100 times today's data).
NOJS_LIMIT = 300
# Up to this many events the page carries every text inline. Beyond, the texts (summaries, excerpts, notes) go to
# script files of CHUNK rows each, loaded when a card or a text search needs them: the page stays a few MB at 100x.
INLINE_EVENTS = 2000
CHUNK = 500
TEXT_DIR = ROOT / "_static" / "explorer-text"  # copied into the book by Sphinx like any static file
TEXT_URL = "../_static/explorer-text/"
TEXT_COLUMNS = {
    "events": ["summary", "notes", "dnote", "actors", "cites"],
    "figures": ["evidence", "notes", "outlet", "unit_name"],
}
BEGIN, END = "<!-- kharkiv-explorer:begin -->", "<!-- kharkiv-explorer:end -->"
_UTM = Transformer.from_crs("EPSG:4326", "EPSG:32637", always_xy=True)
PAGE = links.EXPLORER.removesuffix(".html")  # the page's path, for links relative to it
LABELLED = ["kharkiv", "izium", "kupiansk", "vovchansk", "chuhuiv", "balakliia", "belgorod", "zolochiv"]


def sort_ids(ids) -> list[str]:
    """Distinct ids in numeric order (kharkiv.data.ids: e10000 after e9999)."""
    return ids_mod.sorted_ids(set(map(str, ids)))


# --- values -------------------------------------------------------------------------------------------------


def _txt(v) -> str:
    if v is None or (not isinstance(v, str) and pd.isna(v)):
        return ""
    return str(v)


def _num(v):
    if v is None or pd.isna(v):
        return None
    v = float(v)
    return int(v) if v.is_integer() else v


def fmt_value(value, high, qualifier, unit) -> str:
    """A figure as reported: '606', 'at least 606', '9 to 11', 'dozens' (a word-only report keeps its word)."""
    v, h, q = _num(value), _num(high), _txt(qualifier)
    if v is None:
        return q
    num = f"{v:,}" if h is None else f"{v:,} to {h:,}"
    q = "" if q in ("exact", "range") else q + " "
    unit = _txt(unit)
    return f"{q}{num} {one(unit) if v == 1 and h is None else unit}".strip()


ONE = {"people": "person", "miles": "mile", "km": "km", "km2": "km2"}


def one(unit: str) -> str:
    """The unit of a figure of one: '1 person', '1 tank', '1 battalion tactical group'."""
    if unit in ONE:
        return ONE[unit]
    return unit[:-1] if unit.endswith("s") else unit


# --- map ----------------------------------------------------------------------------------------------------


def _xy(lon, lat):
    x, y = _UTM.transform(lon, lat)
    return np.asarray(x) / 1000.0, -np.asarray(y) / 1000.0  # km, y down as in SVG


@cache
def frame() -> dict:
    """The region's and the city's view boxes in projected km (SVG coordinates)."""
    out = {}
    for name, (x0, x1, y0, y1) in {"region": REGION, "city": CITY}.items():
        xs, ys = _xy([x0, x1, x0, x1], [y0, y0, y1, y1])
        out[name] = [round(float(v), 2) for v in (xs.min(), ys.min(), np.ptp(xs), np.ptp(ys))]
    return out


def _path(geom, tolerance: float) -> str:
    geom = shapely.transform(geom, lambda c: np.column_stack(_xy(c[:, 0], c[:, 1])))
    geom = geom.simplify(tolerance, preserve_topology=True)
    parts = []

    def ring(coords, close):
        pts = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        parts.append(f"M{pts}{'Z' if close else ''}")

    for g in getattr(geom, "geoms", [geom]):
        if g.geom_type == "Polygon":
            ring(g.exterior.coords, True)
            for i in g.interiors:
                ring(i.coords, True)
        elif g.geom_type == "LineString":
            ring(g.coords, False)
    return "".join(parts)


def _layer(name: str, keep=lambda p: True, tolerance: float = 0.6):
    clip = box(REGION[0] - 1, REGION[2] - 1, REGION[1] + 1, REGION[3] + 1)
    out = []
    for f in read_geojson(name)["features"]:
        if keep(f["properties"]):
            g = shape(f["geometry"]).intersection(clip)
            if not g.is_empty:
                out.append((f["properties"], _path(g, tolerance)))
    return out


@cache
def map_svg() -> str:
    """The base map as inline SVG: oblasts (Kharkiv highlighted), the border, the Donets and Oskil rivers,
    a scale bar and a north arrow. Event dots are added by the page's script at their projected positions."""
    x, y, w, h = frame()["region"]
    el = []
    for props, d in _layer("admin1_kharkiv_neighbours_ne10m.geojson"):
        cls = "kx-oblast" if props.get("iso_3166_2") == "UA-63" else "kx-neighbour"
        el.append(f'<path class="{cls}" d="{d}"/>')
    for _, d in _layer("urban_areas_ne50m_kharkiv_region.geojson", tolerance=0.05):
        el.append(f'<path class="kx-urban" d="{d}"/>')
    rivers = {"Donets", "Seversky Donets", "Oskol"}
    for _, d in _layer("rivers_ne10m_kharkiv_region.geojson", lambda p: p.get("name") in rivers, 0.3):
        el.append(f'<path class="kx-river" d="{d}"/>')
    for _, d in _layer("ua_ru_border_ne10m.geojson", tolerance=0.3):
        el.append(f'<path class="kx-border" d="{d}"/>')
    el.append(
        f'<text class="kx-country" x="{x + w - 8:.0f}" y="{y + 16:.0f}" text-anchor="end">RUSSIA</text>'
    )
    el.append(f'<text class="kx-country" x="{x + 8:.0f}" y="{y + h - 8:.0f}">UKRAINE</text>')
    return (
        f'<svg id="kx-map" class="kx-map" viewBox="{x} {y} {w} {h}" role="group" '
        'aria-labelledby="kx-map-title" preserveAspectRatio="xMidYMid meet">'
        '<title id="kx-map-title">Map of Kharkiv Oblast: each circle is a place, sized by the number of '
        "events shown there</title>"
        f'<g class="kx-base">{"".join(el)}</g><g id="kx-labels"></g><g id="kx-dots"></g>'
        '<g id="kx-furniture"></g></svg>'
    )


# --- data for the script ------------------------------------------------------------------------------------


class _Codes:
    """Dictionary-encodes a categorical column: the page carries each distinct label once."""

    def __init__(self):
        self.labels, self.index = [], {}

    def __call__(self, value) -> int:
        v = _txt(value)
        if v == "":
            return -1
        if v not in self.index:
            self.index[v] = len(self.labels)
            self.labels.append(v)
        return self.index[v]


def _by_date_and_id(df: pd.DataFrame, date: str, id_col: str) -> pd.DataFrame:
    """Rows by date (undated last), then by id numerically (e9999 before e10000)."""
    keys = [
        (pd.Timestamp.max if pd.isna(d) else d, ids_mod.sort_key(str(i)))
        for d, i in zip(df[date], df[id_col], strict=True)
    ]
    return df.iloc[sorted(range(len(df)), key=keys.__getitem__)]


def _day(d, base) -> int | None:
    return None if d is None or pd.isna(d) else int((d - base).days)


def _days(first: int, last: int, base) -> dict:
    """Every day from first to last (day numbers from base), as ISO and as the book writes it."""
    days = [base + pd.Timedelta(days=d) for d in range(first, last + 1)]
    return {"iso": [f"{d:%Y-%m-%d}" for d in days], "label": [dates.day(d) for d in days]}


def _who(name, role, side) -> str:
    """Who reported, as a card says it: 'Oleh Synyehubov, Head of ...', or that the source names no one."""
    if side == "unattributed":
        return UNNAMED
    return ", ".join(x for x in (_txt(name), _txt(role)) if x)


UNNAMED = "not attributed: the source names no one"

_CITE_REF = re.compile(r'<a class="kharkiv-cite-ref" href="([^"]*)">(.*?)</a>')


def citing(outlet: str) -> str:
    """A cited outlet as escaped HTML, each citation linked to its bibliography entry (bibliography.citing_html)."""
    return bibliography.citing_html(outlet, page=PAGE)


def citing_parts(outlet: str) -> list[list[str]]:
    """citing() as plain [text, href] pieces for the page's script ('' where a piece links nowhere), so it builds
    the links with textContent and href, never from markup."""
    out, at, done = [], citing(outlet), 0
    for m in _CITE_REF.finditer(at):
        if m.start() > done:
            out.append([html.unescape(at[done : m.start()]), ""])
        out.append([html.unescape(m[2]), html.unescape(m[1])])
        done = m.end()
    if done < len(at):
        out.append([html.unescape(at[done:]), ""])
    return out


def _author(a: dict) -> str:
    return str(a.get("name") or f"{a.get('family-names', '')}, {a.get('given-names', '')}")


@cache
def book_citation() -> dict:
    """The book's title, authors, version and release date (CITATION.cff) and public address (html.baseurl in
    _config.yml, '' while none is set: the page then cites its relative permalink)."""
    cff = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    config = yaml.safe_load((ROOT / "_config.yml").read_text(encoding="utf-8")) or {}
    base = str((config.get("html") or {}).get("baseurl") or "")
    return {
        "title": str(cff["title"]),
        "authors": "; ".join(_author(a) for a in cff.get("authors", [])),
        "version": str(cff["version"]),
        "date": dates.day(pd.Timestamp(str(cff["date-released"]))),
        "base": base.rstrip("/") + "/" if base else "",
        "page": links.EXPLORER,
    }


def explorer_data(t: dict | None = None) -> dict:
    """Everything the page's script needs, column-wise and dictionary-encoded (small at 100x the rows); its
    tables and fields are named in kharkiv.chapters.explorer_schema."""
    t = t or load_tables()
    ev, st = views.events(t), views.statements(t)
    ev, st = _by_date_and_id(ev, "start_date", "event_id"), _by_date_and_id(st, "period_end", "statement_id")
    base = pd.Timestamp(min(ev["start_date"].min(), st["period_end"].min(skipna=True)))
    places = t["places"]
    px, py = _xy(
        places["lon"].astype(float).fillna(0).to_numpy(), places["lat"].astype(float).fillna(0).to_numpy()
    )
    has = (places["lat"].notna() & places["lon"].notna()).to_numpy()
    place_ix = {p: i for i, p in enumerate(places["place_id"])}
    P = {
        "id": list(places["place_id"]),
        "name": list(places["name"]),
        "kind": [_txt(v) for v in places["kind"]],
        "within": [place_ix.get(_txt(v), -1) for v in places["within"]],
        "x": [round(float(x), 2) if h else None for x, h in zip(px, has, strict=True)],
        "y": [round(float(y), 2) if h else None for y, h in zip(py, has, strict=True)],
        "precision": [_txt(v) for v in places["coord_precision"]],
    }
    cl = t["claimants"]
    C = {
        "id": list(cl["claimant_id"]),
        "name": list(cl["name"]),
        "side": [_txt(v) for v in cl["side"]],
        "who": [_who(c.name, c.role, _txt(c.side)) for c in cl.itertuples()],
    }
    claimant_ix = {c: i for i, c in enumerate(C["id"])}
    src = t["sources"]
    S = {
        "id": [str(v) for v in src["source_id"]],
        "title": list(src["title"]),
        "publisher": [_txt(v) for v in src["publisher"]],
        "kind": [_txt(v) for v in src["kind"]],
    }
    source_ix = {s: i for i, s in enumerate(S["id"])}
    ph = t["phases"].sort_values("order")
    PH = {
        "id": list(ph["phase_id"]),
        "name": list(ph["name"]),
        "d0": [_day(d, base) for d in ph["start_date"]],
        "d1": [_day(d, base) for d in ph["end_date"]],
    }
    phase_ix = {p: i for i, p in enumerate(PH["id"])}
    codes = {k: _Codes() for k in explorer_schema.CODES}

    es = t["event_sources"].assign(source_id=lambda d: d["source_id"].astype(str))
    cites = {}
    for r in es.itertuples():
        cites.setdefault(r.event_id, []).append(
            [source_ix[r.source_id], _txt(r.evidence), _txt(r.cited_outlet), codes["weak"](r.weak_sourcing)]
        )
    E = {k: [] for k in explorer_schema.TABLES["events"]}
    for r in ev.itertuples():
        E["id"].append(r.event_id)
        E["d0"].append(_day(r.start_date, base))
        E["d1"].append(_day(r.end_date, base))
        E["dprec"].append(codes["dprec"](r.date_precision))
        E["dnote"].append(_txt(r.date_note))
        E["dinf"].append(int(not pd.isna(r.date_inferred) and bool(r.date_inferred)))
        E["place"].append(place_ix.get(r.place_id, -1))
        E["lprec"].append(_num(r.location_precision))
        E["type"].append(codes["type"](r.event_type))
        E["sub"].append(codes["sub"](r.sub_event_type))
        E["phase"].append(phase_ix.get(_txt(r.phase_id), -1))
        E["claimant"].append(claimant_ix.get(r.claimant_id, -1))
        E["verif"].append(codes["verif"](r.verification))
        E["weapon"].append(codes["weapon"](r.weapon))
        E["target"].append(codes["target"](r.target))
        E["actors"].append(" / ".join(x for x in (_txt(r.actor1), _txt(r.actor2)) if x))
        E["summary"].append(_txt(r.summary))
        E["notes"].append(_txt(r.notes))
        E["cites"].append(cites.get(r.event_id, []))
        E["csrc"].append(sorted({c[0] for c in cites.get(r.event_id, [])}))
    F = {k: [] for k in explorer_schema.TABLES["figures"]}
    # the book's one rule for "the same count" (kharkiv.model.comparable): groups and conflicts, never in JS
    same = comparable.same_count(st)
    group_ix = {g: k for k, g in enumerate(sorted(same.dropna().unique()))}
    F["same"] = [-1 if pd.isna(g) else group_ix[g] for g in same]
    F["conflict"] = [int(c) for c in comparable.conflicting(st)]
    for r in st.itertuples():
        F["id"].append(r.statement_id)
        F["event"].append(_txt(r.event_id))
        F["claim"].append(_day(r.claim_date, base))
        F["p0"].append(_day(r.period_start, base))
        F["p1"].append(_day(r.period_end, base))
        F["place"].append(place_ix.get(_txt(r.place_id), -1))
        F["scope"].append(codes["scope"](r.scope))
        F["unit_name"].append(_txt(r.unit_name))
        F["measure"].append(codes["measure"](r.measure))
        F["subject"].append(codes["subject"](r.subject))
        F["value"].append(_num(r.value))
        F["high"].append(_num(r.value_high))
        F["unit"].append(codes["unit"](r.unit))
        F["qual"].append(codes["qual"](r.qualifier))
        F["text"].append(fmt_value(r.value, r.value_high, r.qualifier, r.unit))
        F["claimant"].append(claimant_ix.get(r.claimant_id, -1))
        F["verif"].append(codes["verif"](r.verification))
        F["source"].append(source_ix.get(str(r.source_id), -1))
        F["evidence"].append(_txt(r.evidence))
        F["outlet"].append(_txt(r.cited_outlet))
        F["weak"].append(codes["weak"](r.weak_sourcing))
        F["notes"].append(_txt(r.notes))
    known = [
        d for d in E["d0"] + E["d1"] + F["claim"] + F["p0"] + F["p1"] + PH["d0"] + PH["d1"] if d is not None
    ]
    first, last = min(0, *known), max(known)
    data = {
        "base": f"{base:%Y-%m-%d}",
        "first": first,
        # cards link to the chronology once that page exists (it is being written beside this one)
        "chronology": links.chronology_page() if (NOTEBOOKS / "chronology.ipynb").exists() else "",
        "downloads": links.downloads_page(),
        "city": place_ix.get(CITY_PLACE, -1),
        "frame": frame(),
        "labelled": [place_ix[p] for p in LABELLED if p in place_ix],
        "codes": {k: c.labels for k, c in codes.items()},
        "cite": book_citation(),
        "citing": {
            o: citing_parts(o)
            for o in sorted(set(F["outlet"]) | {c[2] for cs in E["cites"] for c in cs})
            if o
        },
        "events": E,
        "figures": F,
        "places": P,
        "claimants": C,
        "sources": S,
        "phases": PH,
        "days": _days(first, last, base),
    }
    explorer_schema.check(data)
    return data


def json_script(obj, element_id: str) -> str:
    """JSON inside <script type="application/json">: <, > and & escaped, so no text can end the element."""
    text = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    for ch, esc in {
        "&": "\\u0026",
        "<": "\\u003c",
        ">": "\\u003e",
        "\u2028": "\\u2028",
        "\u2029": "\\u2029",
    }.items():
        text = text.replace(ch, esc)
    return f'<script type="application/json" id="{html.escape(element_id)}">{text}</script>'


# --- the page without JavaScript ----------------------------------------------------------------------------


def _e(v) -> str:
    return html.escape(_txt(v))


def _lookup(data):
    """Readers of the payload for the server-rendered list: a day's label, a code's label, who reported."""
    days, first, K = data["days"]["label"], data["first"], data["codes"]

    def day(n):
        return "" if n is None else days[n - first]

    def when(a, b):
        return day(a) if a == b or b is None else f"{day(a)} to {day(b)}"

    def code(k, i):
        return "" if i is None or i < 0 else K[k][i]

    def who(i):
        if i < 0:
            return ""
        side = data["claimants"]["side"][i]
        return data["claimants"]["who"][i] + (f" ({side} side)" if side and side != "unattributed" else "")

    return when, code, who


def _figure_li(data, i, when, code, who) -> str:
    F, S, P = data["figures"], data["sources"], data["places"]
    what = f"{code('measure', F['measure'][i])} ({code('subject', F['subject'][i])})"
    s = F["source"][i]
    outlet = f", citing {citing(F['outlet'][i])}" if F["outlet"][i] else ""
    place = P["name"][F["place"][i]] if F["place"][i] >= 0 else ""
    return (
        f'<li id="{_e(F["id"][i])}" class="kx-figure"><span class="kx-id">{_e(F["id"][i])}</span> '
        f"<strong>{_e(F['text'][i])}</strong> {_e(what)}; {_e(when(F['p0'][i], F['p1'][i]))}"
        f"{', ' + _e(place) if place else ''}; "
        f"reported by: {_e(who(F['claimant'][i]))}; {_e(code('verif', F['verif'][i]))}. "
        f"<q>{_e(F['evidence'][i])}</q> ({_e(S['title'][s])}, {_e(S['publisher'][s])}{outlet})</li>\n"
    )


def nojs_list(data: dict, limit: int = NOJS_LIMIT) -> str:
    """Every event as a card and every figure as a line, escaped: the page without JavaScript, and the text
    the book's search indexes (ids, places, people, numbers)."""
    when, code, who = _lookup(data)
    E, F, S, P = data["events"], data["figures"], data["sources"], data["places"]
    by_event = {}
    for i, ev in enumerate(F["event"]):
        by_event.setdefault(ev, []).append(i)
    cards = []
    for i in range(min(len(E["id"]), limit)):
        eid = E["id"][i]
        place = P["name"][E["place"][i]] if E["place"][i] >= 0 else "place not stated"
        cites = "".join(
            f"<li><q>{_e(ev_)}</q> ({_e(S['title'][s])}, {_e(S['publisher'][s])}"
            f"{', citing ' + citing(o) if o else ''}{', ' + _e(code('weak', w)) if w >= 0 else ''})</li>\n"
            for s, ev_, o, w in E["cites"][i]
        )
        figs = "".join(_figure_li(data, j, when, code, who) for j in by_event.get(eid, []))
        cards.append(
            f'<article id="{_e(eid)}" class="kx-card"><h3><span class="kx-id">{_e(eid)}</span> '
            f"{_e(when(E['d0'][i], E['d1'][i]))} ({_e(code('dprec', E['dprec'][i]))}), {_e(place)}</h3>\n"
            f"<p>{_e(E['summary'][i])}</p>\n<p>{_e(code('type', E['type'][i]))}: "
            f"{_e(code('sub', E['sub'][i]))}. Reported by: {_e(who(E['claimant'][i]))}; "
            f'{_e(code("verif", E["verif"][i]))}.</p><ul class="kx-cites">{cites}</ul>'
            f"{'<ul class=kx-figs>' + figs + '</ul>' if figs else ''}</article>\n"
        )
    loose = [j for j in range(len(F["id"])) if not F["event"][j]][:limit]
    more = ""
    if len(E["id"]) > limit:
        more = (
            f'<p class="kx-more">The first {limit:,} of {len(E["id"]):,} events are listed here; with '
            "JavaScript the explorer shows them all.</p>"
        )
    return (
        f'<div id="kx-nojs"><h2>Every event</h2>{"".join(cards)}{more}'
        f'<h2>Figures not tied to one event</h2><ul class="kx-figs">'
        f"{''.join(_figure_li(data, j, when, code, who) for j in loose)}</ul></div>"
    )


def split_text(data: dict, text_dir: Path, url: str = TEXT_URL) -> dict:
    """Move the text columns into chunk files in text_dir (kx-text-events-0.js, ...); the page keeps the rest.

    Each file calls window.kxTextChunk(kind, k, columns) when loaded by a <script> element, which works from a
    web server and from a folder opened in the browser alike."""
    text_dir.mkdir(parents=True, exist_ok=True)
    out = {**data, "chunks": {"size": CHUNK, "url": url, "columns": TEXT_COLUMNS}}
    for kind, cols in TEXT_COLUMNS.items():
        table = dict(data[kind])
        n = len(table["id"])
        for k in range(0, max(n, 1), CHUNK):
            part = {c: table[c][k : k + CHUNK] for c in cols}
            body = json_script(part, "x")  # the same escaping as inline JSON
            body = body[body.index(">") + 1 : body.rindex("</script>")]
            (text_dir / f"kx-text-{kind}-{k // CHUNK}.js").write_text(
                f'window.kxTextChunk("{kind}", {k // CHUNK}, {body});\n', encoding="utf-8"
            )
        for c in cols:
            del table[c]
        out[kind] = table
        out["chunks"][kind] = -(-n // CHUNK)
    return out


def clear_text(text_dir: Path) -> None:
    """Remove chunk files a larger dataset left behind (only the files split_text writes)."""
    for f in Path(text_dir).glob("kx-text-*.js"):
        f.unlink()


def page_html(
    t: dict | None = None, limit: int = NOJS_LIMIT, text_dir: Path | None = TEXT_DIR, url: str = TEXT_URL
) -> str:
    """The explorer: controls, map, timeline and list containers (filled by _static/explorer.js), the data,
    and the server-rendered list. Beyond INLINE_EVENTS events the texts are written to text_dir."""
    data = explorer_data(t)
    n_e, n_f = len(data["events"]["id"]), len(data["figures"]["id"])
    listing = nojs_list(data, limit)
    if text_dir is not None:
        clear_text(text_dir)
        if n_e > INLINE_EVENTS:
            data = split_text(data, Path(text_dir), url)
    return (
        f'{BEGIN}<div id="kx-explorer" class="kx-explorer" data-events="{n_e}" data-figures="{n_f}">'
        f'<div id="kx-app" hidden><div class="kx-mapbox">{map_svg()}</div></div>'
        f"{listing}{json_script(data, 'kx-data')}</div>{END}"
    )


def glue_linked(key: str, text, ids, from_dir: str = "notebooks", view: dict | None = None) -> None:
    """Glue a number that links to the rows behind it: use it in the same notebook's prose as {glue:md}`key`.

    A reader clicks the number and the explorer opens on exactly those events and figures, with their sources and
    verbatim excerpts (two clicks from a number to its source). myst-nb 1.4 pastes {glue:md} only within the
    notebook that glued it: a Markdown page (book/*.md) cannot paste it from another document. view: the explorer
    filters that hold the same rows, used when they are too many to name in a link (links.rows_href)."""
    from myst_nb import glue  # lazy: present only in a notebook kernel

    glue(key, links.rows_link(text, ids, view, from_dir), display=False)

"""The downloads page: what each file holds, a check that every file is offered, and the citation built from
CITATION.cff (notebooks/downloads). Files are offered whole: nothing here shortens them at any scale."""

import json
import re
from pathlib import Path

import pandas as pd

from kharkiv.text import prose


def table_facts(t: dict, package: dict) -> dict:
    """Rows per table ('157 rows'), the package's size, title, version and licence."""
    resources = package["resources"]
    licence = package["licenses"][0]
    return {
        **{f"rows_{r['name']}": prose.count(len(t[r["name"]]), "row") for r in resources},
        "n_tables": prose.in_words(len(resources)),
        "n_rows": f"{sum(len(t[r['name']]) for r in resources):,}",
        "licence_title": licence["title"],
        "licence_name": licence["name"],
        "licence_url": licence["path"],
        "package_version": package["version"],
        "package_title": package["title"],
    }


def layer_facts(geo_dir: Path) -> dict:
    """Features per map layer ('8 features'), keyed by the layer's file name without its extension."""
    return {
        f"features_{p.stem}": prose.count(
            len(json.loads(p.read_text(encoding="utf-8"))["features"]), "feature"
        )
        for p in sorted(geo_dir.glob("*.geojson"))
    }


def offered(package: dict, geo_dir: Path) -> list[str]:
    """Every file the page must offer, as the page links it: the tables, their description, the map layers and
    their provenance, the citation file and the retired identifiers (written beside the page's notebook)."""
    return (
        [f"../data/{r['path']}" for r in package["resources"]]
        + ["../data/datapackage.json"]
        + [f"../data/geo/{p.name}" for p in sorted(geo_dir.iterdir()) if p.is_file()]
        + ["../CITATION.cff", RETIRED_FILE]
    )


def missing_links(markdown: str, package: dict, geo_dir: Path) -> list[str]:
    """The files of offered() that the page's Markdown does not link with {download}`... <path>`."""
    return [path for path in offered(package, geo_dir) if f"<{path}>`" not in markdown]


def tables_overview(t: dict, package: dict) -> pd.DataFrame:
    """One row per table: its file, rows, fields and what it holds."""
    return pd.DataFrame(
        [
            {
                "table": r["name"],
                "file": f"data/{r['path']}",
                "rows": len(t[r["name"]]),
                "fields": len(r["schema"]["fields"]),
                "what it holds": r["description"],
            }
            for r in package["resources"]
        ]
    )


def _author(a: dict) -> str:
    return a.get("name") or " ".join(x for x in (a.get("given-names"), a.get("family-names")) if x)


def citation(cff: dict, url: str = "") -> str:
    """The suggested citation, from CITATION.cff: 'Authors (year). Title (version v, released d) [type]. Address.
    Licence: L.' url: the book's address (html.baseurl in _config.yml, kharkiv.build.citation.configured_url());
    while none is set the citation says so instead of printing a local one."""
    authors = "; ".join(_author(a) for a in cff["authors"])
    date = str(cff.get("date-released", ""))
    where = f"Available at {url}." if url else "Public address not yet set; cite the version."
    return (
        f"{authors} ({date[:4]}). {cff['title']} (version {cff['version']}, released {date}) "
        f"[{cff.get('type', 'software')}]. {where} Licence: {cff.get('license', '')}."
    )


def bibtex(cff: dict, url: str = "") -> str:
    """The same citation as a BibTeX @misc entry (authors and title braced, so BibTeX keeps their case); url: the
    book's address, as for citation() (no url field while none is set)."""
    authors = "; ".join(_author(a) for a in cff["authors"])
    year = str(cff.get("date-released", ""))[:4]
    return (
        f"@misc{{kharkiv{year},\n  author = {{{{{authors}}}}},\n  title = {{{{{cff['title']}}}}},\n"
        f"  year = {{{year}}},\n  version = {{{cff['version']}}},\n"
        f"  note = {{Dataset and book; licence {cff.get('license', '')}}}"
        + (f",\n  url = {{{url}}}\n}}" if url else "\n}")
    )


_RETIRED = re.compile(
    r"[Mm]erged from retired (event|statement|figure) ([a-z]\d{4,})(?: \(((?:[^()]|\([^()]*\))*)\))?"
)


def retired_ids(t: dict) -> pd.DataFrame:
    """Every retired id and what became of it: retired, kind, kept (the row that absorbed it), table, why (as the
    kept row's notes give it). Published with the downloads (write it beside them) and named in the changelog."""
    rows = []
    for table, key in (("events", "event_id"), ("statements", "statement_id")):
        df = t[table]
        for kept, notes in zip(df[key], df["notes"].fillna(""), strict=True):
            for m in _RETIRED.finditer(str(notes)):
                rows.append({"retired": m[2], "kind": m[1], "kept": kept, "table": table, "why": m[3] or ""})
    cols = ["retired", "kind", "kept", "table", "why"]
    return pd.DataFrame(rows, columns=cols).sort_values("retired").reset_index(drop=True)


RETIRED_FILE = "retired_ids.csv"  # written beside this page's notebook, offered with the tables


def write_retired(retired: pd.DataFrame, path: Path) -> int:
    """Write retired_ids() as the CSV download (UTF-8, header row); returns the number of retired ids."""
    retired.to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
    return len(retired)


def retired_table(retired: pd.DataFrame) -> pd.DataFrame:
    """retired_ids() as the page shows it: the retired id, what it was, the row that kept it and why."""
    return pd.DataFrame(
        {
            "retired id": retired["retired"],
            "was": retired["kind"].map({"event": "an event", "statement": "a figure", "figure": "a figure"}),
            "merged into": retired["kept"],
            "why": retired["why"],
        }
    )


def retired_facts(retired: pd.DataFrame) -> dict:
    return {
        "n_retired": prose.count(len(retired), "retired identifier"),
        "n_retired_events": prose.count(int((retired["kind"] == "event").sum()), "event"),
        "n_retired_figures": prose.count(int((retired["kind"] != "event").sum()), "figure"),
    }

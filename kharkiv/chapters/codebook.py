"""The codebook, rendered from data/datapackage.json and the loaded tables (never written by hand).

Text from the package (period, titles, descriptions, licence) is shown as plain text: it goes into HTML,
escaped, never into Markdown, where `**x**` or `![](http://...)` would become live markup.
"""

import html
import re

import pandas as pd
from IPython.display import HTML

from kharkiv.data import datapackage as schema


def _text(value) -> str:
    return html.escape(str(value), quote=True)


def package_html(package: dict) -> HTML:
    """The period covered and the licence, as one paragraph of plain text."""
    period, licence = package["x_period"], package["licenses"][0]
    return HTML(
        f"<p>Period covered: <strong>{_text(period['start'])}</strong> to <strong>{_text(period['end'])}"
        f"</strong>. Licence: {_text(licence.get('title') or licence.get('name', ''))}.</p>"
    )


def table_heading_html(resource: dict, rows: int) -> HTML:
    """A table's heading (title and file) and its description with its row count, as plain text."""
    anchor = re.sub(r"[^a-z0-9-]+", "-", str(resource["name"]).lower()).strip("-")
    return HTML(
        f'<h3 class="rubric" id="table-{anchor}">{_text(resource["title"])} '
        f"(<code>{_text(resource['path'])}</code>)</h3>"
        f"<p>{_text(resource.get('description', ''))} {rows} rows.</p>"
    )


def _allowed(field: dict) -> str:
    c = field.get("constraints", {})
    parts = []
    if "enum" in c:
        parts.append(" | ".join(map(str, c["enum"])))
    if "minimum" in c or "maximum" in c:
        parts.append(f"{c.get('minimum', '')} to {c.get('maximum', '')}".strip())
    if "pattern" in c:
        parts.append(f"pattern {c['pattern']}")
    if "minLength" in c:
        parts.append(f"at least {c['minLength']} characters")
    if field.get("x_unique_folded"):
        parts.append("unique ignoring case, spacing and look-alike letters")
    return "; ".join(parts)


def field_table(resource: dict, df: pd.DataFrame) -> pd.DataFrame:
    """One row per field: type, whether required or unique, allowed values, how many rows fill it."""
    fks = {
        f: fk["reference"]
        for fk in resource["schema"].get("foreignKeys", [])
        for f in ([fk["fields"]] if isinstance(fk["fields"], str) else fk["fields"])
    }
    rows = []
    for f in schema.fields(resource):
        c = f.get("constraints", {})
        ref = fks.get(f["name"])
        rows.append(
            {
                "field": f["name"],
                "type": f.get("type", "string"),
                "required": "yes" if c.get("required") else "",
                "unique": "yes" if c.get("unique") else "",
                "allowed values": _allowed(f)
                + (f"; refers to {ref['resource']}.{ref['fields']}" if ref else ""),
                "filled": int(df[f["name"]].notna().sum()),
                "description": f.get("description", ""),
            }
        )
    return pd.DataFrame(rows)


def value_counts(resource: dict, df: pd.DataFrame) -> pd.DataFrame:
    """Counts of every allowed value of every enum field (zeros included, so gaps show)."""
    rows = []
    for f in schema.fields(resource):
        for v in f.get("constraints", {}).get("enum", []):
            rows.append({"field": f["name"], "value": v, "rows": int((df[f["name"]] == v).sum())})
    return pd.DataFrame(rows, columns=["field", "value", "rows"])


def _implied(implied: dict) -> str:
    return "a figure its excerpt implies" if len(implied) == 1 else "figures their excerpts imply"


def rules_table(package: dict) -> pd.DataFrame:
    """The checks the loader applies beyond single fields, with their settings read from the package."""
    res = {r["name"]: r for r in package["resources"]}
    folded = [
        f"{n}.{f['name']}" for n, r in res.items() for f in r["schema"]["fields"] if f.get("x_unique_folded")
    ]
    empty = [n for n, r in res.items() if r.get("x_allow_empty")]
    near = res["places"].get("x_coordinates_in_oblast", {})
    implied = res["statements"].get("x_implied_values", {})
    rows = [
        ("not empty", "Every table has rows" + (f", except {', '.join(empty)}" if empty else "") + "."),
        ("not blank", "No value is only spaces or zero-width characters; no text holds control characters."),
        (
            "unique after folding",
            f"{', '.join(folded)}: unique ignoring case, spacing, zero-width characters "
            "and Cyrillic or Greek look-alike letters.",
        ),
        ("date order", "No end date before its start date (events, phases, statement periods)."),
        (
            "day and month precision",
            "A 'day' event ends on its start date; a 'month' event covers its whole "
            "month, clipped to the period.",
        ),
        ("phases tile", "Each phase starts the day after the previous one ends."),
        (
            "qualifiers",
            "A word qualifier ('dozens') has no value; a number needs one; only a 'range' has "
            "value_high, not below value.",
        ),
        (
            "claim dates",
            "A claim is dated no earlier than the last day it reports, and no later than its source.",
        ),
        (
            "figure in evidence",
            "Each value stands in its evidence, as digits, in millions or as a word"
            + (
                f" (except {', '.join(implied)}: {_implied(implied)}, listed in x_implied_values)"
                if implied
                else ""
            )
            + ".",
        ),
        ("within", "No place lies within itself, directly or through other places."),
        (
            "coordinates in oblast",
            f"A place's coordinates lie in its oblast or at most {near.get('tolerance_km')} "
            "km outside it (Natural Earth admin-1 boundaries in data/geo)."
            if near
            else "Not checked.",
        ),
        ("has a source", "Every event has at least one row of evidence in event_sources."),
        (
            "evidence in source",
            "Each excerpt stands verbatim in its source document, whose SHA-256 matches "
            "sources.sha256 (checked where the documents are available; always in CI).",
        ),
    ]
    return pd.DataFrame(rows, columns=["rule", "what the loader checks"])

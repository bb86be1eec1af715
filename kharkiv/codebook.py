"""The codebook, rendered from data/datapackage.json and the loaded tables (never written by hand).

Text from the package (period, titles, descriptions, licence) is shown as plain text: it goes into HTML,
escaped, never into Markdown, where `**x**` or `![](http://...)` would become live markup.
"""

import html
import re

import pandas as pd
from IPython.display import HTML

from . import schema


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

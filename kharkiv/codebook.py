"""The codebook, rendered from data/datapackage.json and the loaded tables (never written by hand)."""

import pandas as pd

from . import schema


def _allowed(field: dict) -> str:
    c = field.get("constraints", {})
    parts = []
    if "enum" in c:
        parts.append(" | ".join(map(str, c["enum"])))
    if "minimum" in c or "maximum" in c:
        parts.append(f"{c.get('minimum', '')} to {c.get('maximum', '')}".strip())
    if "pattern" in c:
        parts.append(f"pattern {c['pattern']}")
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

"""Read data/datapackage.json: the single source of truth for tables, types and rules."""

import json
from functools import lru_cache
from pathlib import Path

from .paths import DATAPACKAGE


@lru_cache(maxsize=4)
def _read(path: str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def package(path: Path = DATAPACKAGE) -> dict:
    return _read(str(path))


def resources(path: Path = DATAPACKAGE) -> dict[str, dict]:
    """Resource descriptors by name, in package order (parents before children)."""
    return {r["name"]: r for r in package(path)["resources"]}


def fields(resource: dict) -> list[dict]:
    return resource["schema"]["fields"]


def enum(table: str, field: str, path: Path = DATAPACKAGE) -> list:
    """Allowed values of a field, in the order the schema lists them."""
    for f in fields(resources(path)[table]):
        if f["name"] == field:
            return list(f.get("constraints", {}).get("enum", []))
    raise KeyError(f"{table}.{field}")

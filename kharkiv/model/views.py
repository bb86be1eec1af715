"""Joined views of the tables that most chapters need. Pure functions of the loaded tables."""

import pandas as pd

from kharkiv.data.ids import series_key, sorted_ids
from kharkiv.data.load import load_tables
from kharkiv.model.periods import phase_of


def _sources_per_event(t) -> pd.DataFrame:
    es = t["event_sources"]
    return (
        es.assign(source_id=es["source_id"].astype(str), weak=es["weak_sourcing"].notna())
        .groupby("event_id", observed=True)
        .agg(
            source_ids=("source_id", lambda s: "; ".join(sorted_ids(s))),
            n_sources=("source_id", "size"),
            weak_sourcing=("weak", "any"),
        )
        .reset_index()
    )


def events(t: dict | None = None) -> pd.DataFrame:
    """Events with place name and coordinates, claimant name and side, phase, sources and weak-sourcing flag."""
    t = t or load_tables()
    places = t["places"][["place_id", "name", "kind", "lat", "lon", "coord_precision", "within"]]
    claimants = t["claimants"][["claimant_id", "name", "side"]].rename(
        columns={"name": "claimant", "side": "claimant_side"}
    )
    out = (
        t["events"]
        .merge(
            places.rename(columns={"name": "place", "kind": "place_kind"}),
            on="place_id",
            how="left",
            validate="many_to_one",
        )
        .merge(claimants, on="claimant_id", how="left", validate="many_to_one")
        .merge(_sources_per_event(t), on="event_id", how="left", validate="one_to_one")
    )
    out["phase_id"] = phase_of(out["start_date"], t["phases"])
    return out.sort_values(["start_date", "event_id"], key=series_key).reset_index(drop=True)


def statements(t: dict | None = None) -> pd.DataFrame:
    """Statements with claimant name and side and the place's name."""
    t = t or load_tables()
    claimants = t["claimants"][["claimant_id", "name", "side"]].rename(
        columns={"name": "claimant", "side": "claimant_side"}
    )
    places = t["places"][["place_id", "name"]].rename(columns={"name": "place"})
    out = (
        t["statements"]
        .merge(claimants, on="claimant_id", how="left", validate="many_to_one")
        .merge(places, on="place_id", how="left", validate="many_to_one")
    )
    return out.sort_values(["period_end", "statement_id"], key=series_key).reset_index(drop=True)


def in_period(df: pd.DataFrame, start: str, end: str, column: str = "start_date") -> pd.DataFrame:
    return df[(df[column] >= pd.Timestamp(start)) & (df[column] <= pd.Timestamp(end))]

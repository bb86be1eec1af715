"""Small synthetic figures shared by the civilian-harm tests (test_harm, test_tolls, test_harm_chapter): one column
list and one builder, so that a test states only its rows."""

import pandas as pd

STATEMENT_COLUMNS = [
    "statement_id",
    "event_id",
    "period_start",
    "period_end",
    "place_id",
    "scope",
    "measure",
    "subject",
    "value",
    "value_high",
    "qualifier",
    "claimant_id",
    "claimant",
    "claimant_side",
    "verification",
    "source_id",
]
# The columns kharkiv.model.tolls reads (its rows name no claimant id and no source).
TOLL_COLUMNS = [c for c in STATEMENT_COLUMNS if c not in ("claimant_id", "source_id")]


def statement_frame(rows, columns=STATEMENT_COLUMNS) -> pd.DataFrame:
    """Rows (tuples in the order of columns) as statements are loaded: dates as timestamps, figures as Float64."""
    df = pd.DataFrame(rows, columns=columns)
    for c in ("period_start", "period_end"):
        df[c] = pd.to_datetime(df[c])
    for c in ("value", "value_high"):
        df[c] = df[c].astype("Float64")
    return df

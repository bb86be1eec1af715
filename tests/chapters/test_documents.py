"""kharkiv.chapters.sources: what rests on each source document, and how precisely events are dated and placed."""

import pandas as pd

from kharkiv.chapters import sources as documents
from kharkiv.model import claims


def _frames():
    d = pd.Timestamp
    sources = pd.DataFrame(
        {
            "source_id": ["s000", "s001"],
            "title": ["Battle of Kharkiv (2022)", "Shelling report"],
            "kind": ["encyclopedia", "news"],
            "date": [d("2022-09-30"), d("2022-03-01")],
        }
    )
    es = pd.DataFrame({"event_id": ["e1", "e2", "e2", "e3"], "source_id": ["s000", "s000", "s001", "s000"]})
    st = pd.DataFrame({"statement_id": ["n1", "n2", "n3"], "source_id": ["s001", "s000", "s001"]})
    ev = pd.DataFrame(
        {"event_id": ["e1", "e2", "e3"], "n_sources": [1, 2, 1], "source_ids": ["s000", "s000; s001", "s000"]}
    )
    return sources, es, st, ev


def test_per_document_counts_events_those_told_only_there_and_figures():
    per = documents.per_document(*_frames()).set_index("source_id")
    assert per.loc["s000", ["events", "only_here", "figures"]].tolist() == [3, 2, 1]
    assert per.loc["s001", ["events", "only_here", "figures"]].tolist() == [1, 0, 2]
    assert documents.top_document(per.reset_index())["source_id"] == "s000"


def test_documents_chart_titles_the_document_most_rests_on():
    sources, es, st, ev = _frames()
    per = documents.per_document(sources, es, st, ev)
    fig = documents.documents_chart(per, {"s000": "Wikipedia", "s001": "The Post"}, len(ev), len(st))
    assert fig._suptitle.get_text() == "Wikipedia tells 100% of the events and gives 33% of the figures"


def test_precision_lists_every_allowed_value_and_the_inferred_dates():
    ev = pd.DataFrame(
        {
            "date_precision": ["day", "day", "month"],
            "location_precision": [1, 3, 1],
            "date_inferred": [True, None, False],
        }
    )
    places = pd.DataFrame({"coord_precision": ["exact", "none"]})
    st = pd.DataFrame(
        {"claim_date": [pd.NaT, pd.Timestamp("2022-03-01")], "claim_date_inferred": [None, True]}
    )
    facts, table = documents.precision({"places": places}, ev, st)
    assert (facts["n_date_day"], facts["n_date_range"], facts["n_date_month"]) == ("2", "0", "1")
    assert (facts["n_loc_1"], facts["n_loc_2"], facts["n_loc_3"]) == ("2", "0", "1")
    assert (facts["n_coord_exact"], facts["n_coord_approximate"], facts["n_coord_none"]) == ("1", "0", "1")
    assert (facts["n_date_inferred"], facts["n_claim_date_inferred"], facts["n_claim_date_missing"]) == (
        "1",
        "1",
        "1",
    )
    assert table["rows"].sum() == 3 + 1 + 3 + 2  # dates, inferred dates, places of events, places
    assert list(table["field"])[:4] == ["date_precision"] * 3 + ["date_inferred"]


def test_outlet_facts_and_title_agree_in_number():
    es = pd.DataFrame({"cited_outlet": ["Reuters, 1 March 2022", None]})
    st = pd.DataFrame({"cited_outlet": ["CNN, 2 March 2022; Reuters, 1 March 2022"]})
    outlets = claims.cited_outlets({"event_sources": es, "statements": st})
    facts = documents.outlet_facts(outlets, es, st)
    assert facts["top_outlet"] == "Reuters" and facts["top_outlet_rows"] == "2 rows"
    assert facts["share_cited"] == "67%" and facts["n_outlets"] == "2"
    assert documents.outlets_title(outlets) == "Reuters is cited for 2 rows, more than any other outlet"
    assert documents.outlets_title(outlets.iloc[1:]) == "CNN is cited for 1 row, more than any other outlet"
    assert documents.outlets_title(outlets.iloc[:0]) == "No cited outlets are recorded"
    assert documents.outlets_chart(outlets).axes[0].get_title(loc="left").startswith("Reuters")

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


def test_addresses_link_each_document_or_say_plainly_there_is_none():
    sources = pd.DataFrame(
        {
            "source_id": ["s000", "s001"],
            "title": ["Battle <of> Kharkiv", "A headline"],
            "publisher": ["Wikipedia", "UK news outlet (not named in the text)"],
            "publisher_identified": ["Wikipedia (English)", None],
            "revision_date": [pd.Timestamp("2024-01-13"), pd.NaT],
            "url": ["https://en.wikipedia.org/wiki/X", None],
            "url_basis": ["The page has the title.", "Not established: only aggregator copies."],
        }
    )
    table = documents.addresses(sources, {"s000": "Wikipedia", "s001": "a UK outlet"})
    assert table["revision"].tolist() == ["a revision of 13 January 2024 or later", ""]
    assert table["outlet"].tolist() == ["Wikipedia (English)", "UK news outlet (not named in the text)"]
    page = documents.addresses_html(table)
    assert '<a class="reference external" href="https://en.wikipedia.org/wiki/X">' in page
    assert documents.NO_ADDRESS in page and "Not established: only aggregator copies." in page
    assert "Battle &lt;of&gt; Kharkiv" in page and "<of>" not in page
    assert documents.address_facts(table) == {
        "n_with_address": "one",
        "n_without_address": "one",
        "article_revision": "a revision of 13 January 2024 or later",
    }


def test_the_real_sources_each_have_an_address_or_say_why_not():
    from kharkiv.data.load import load_tables
    from kharkiv.text import harm_text

    t = load_tables()
    table = documents.addresses(t["sources"], harm_text.source_names(t["sources"]))
    assert (table["basis"].str.len() > 20).all()
    assert table.set_index("source_id").loc["s001", "url"] == ""
    assert table.set_index("source_id").loc["s000", "revision"] == "a revision of 13 January 2024 or later"


def test_one_name_per_outlet_and_no_headline_as_an_outlet():
    es = pd.DataFrame(
        {
            "cited_outlet": [
                "ukrinform.net, 8 March 2022",
                "Ukrinform, 8 March 2022; 'Russian forces withdraw far from Kharkiv, mayor tells BBC', 14 May 2022",
                "Critical Threats, 'Russian Offensive Campaign Assessment, March 17'",
                "nv.ua, archived 23 March 2022",
                "CNBC, dated 27 September 2022 in the list",
                "unnamed outlet, 3 March 2022 ('A title')",
                "Kharkiv Today, 18 August 2022",
                "KharkivToday, 6 July 2022",
                "KharkivToday, 6 July 2022",
            ]
        }
    )
    st = pd.DataFrame({"cited_outlet": [None]})
    outlets = pd.DataFrame({"variant": ["ukrinform.net"], "canonical": ["Ukrinform"], "basis": ["x"]})
    got = documents.cited_outlets(es, st, outlets).set_index("outlet")
    assert got.loc["Ukrinform", "rows"] == 2
    assert got.loc[documents.UNNAMED, "rows"] == 2  # a headline alone and the curators' 'unnamed outlet'
    assert got.loc["KharkivToday", "rows"] == 3 and "Kharkiv Today" not in got.index
    assert (
        got.loc["nv.ua", "dates cited"] == "23 March 2022"
        and got.loc["CNBC", "dates cited"] == "27 September 2022"
    )
    assert "Critical Threats" in got.index
    assert not any(o[:1] in "'\"‘“" for o in got.index)


def test_the_outlets_table_folds_the_variants_of_the_data():
    from kharkiv.data.load import load_tables

    t = load_tables()
    got = set(documents.cited_outlets(t["event_sources"], t["statements"], t["outlets"])["outlet"])
    for variant in ("ukrinform.net", "ukrinform.ua", "pravda.com.ua", "Ukrayinska Pravda", "Kharkiv Today"):
        assert variant not in got, variant
    assert {"Ukrinform", "Ukrainska Pravda"} <= got
    assert not any(o[:1] in "'\"‘“" for o in got)


def test_a_tie_for_most_cited_names_every_outlet_tied():
    es = pd.DataFrame(
        {"cited_outlet": ["Reuters, 1 March 2022", "CNN, 2 March 2022", "AP News, 3 March 2022"]}
    )
    st = pd.DataFrame({"cited_outlet": ["CNN, 2 March 2022; Reuters, 1 March 2022"]})
    outlets = claims.cited_outlets({"event_sources": es, "statements": st})
    assert (
        documents.outlets_title(outlets)
        == "CNN and Reuters are each cited for 2 rows, more than any other outlet"
    )
    facts = documents.outlet_facts(outlets, es, st)
    assert (facts["top_outlet"], facts["top_outlet_rows"]) == ("CNN and Reuters", "2 rows each")

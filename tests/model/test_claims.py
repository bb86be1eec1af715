"""kharkiv.model.claims: figures read as the sources give them, reports kept apart, cited outlets counted once per row."""

import pandas as pd
import pytest

from kharkiv.chapters import claims as claims_chapter
from kharkiv.model import claims, counts
from kharkiv.plots import claim_lanes, style
from kharkiv.text import attribution, claims_text, prose, wording


@pytest.mark.parametrize(
    "value, high, qualifier, unit, expected",
    [
        (1600, None, "about", None, "about 1,600"),
        (11, None, "exact", None, "11"),
        (25, 50, "range", "percent", "25–50%"),
        (None, None, "dozens", "people", "dozens"),
        (4000, None, "more than", "people", "more than 4,000 people"),
        (33.5, None, "exact", None, "33.5"),
    ],
)
def test_figure_text(value, high, qualifier, unit, expected):
    assert wording.figure_text(value if value is not None else pd.NA, high, qualifier, unit) == expected


def _statements(rows):
    cols = ["statement_id", "claimant_id", "claimant", "claimant_side", "value", "value_high", "qualifier"]
    base = {
        "measure": "killed",
        "subject": "civilians",
        "unit": "people",
        "place_id": "kharkiv",
        "unit_name": pd.NA,
        "period_start": pd.Timestamp("2022-02-28"),
        "period_end": pd.Timestamp("2022-02-28"),
    }
    df = pd.DataFrame([dict(zip(cols, r, strict=False)) | base for r in rows])
    df["value"] = df["value"].astype("Float64")
    df["value_high"] = df["value_high"].astype("Float64")
    return df


def test_spread_keeps_every_report_and_compares_only_numbers():
    st = _statements(
        [
            ("n1", "a", "A", "Ukrainian", None, None, "dozens"),
            ("n2", "b", "B", "Ukrainian", 11, None, "exact"),
            ("n3", "c", "C", "Ukrainian", 9, None, "exact"),
        ]
    )
    out = claims_text.spread(st)
    assert len(out) == 1
    row = out.iloc[0]
    assert (row["reports"], row["claimants"], row["low"], row["high"]) == (3, 3, 9, 11)
    assert row["ratio"] == pytest.approx(11 / 9)
    assert row["figures"] == "A (Ukrainian): dozens; C (Ukrainian): 9; B (Ukrainian): 11"


def test_spread_uses_the_top_of_a_range_and_needs_two_claimants():
    st = _statements(
        [("n1", "a", "A", "Russian", 100, 300, "range"), ("n2", "b", "B", "Ukrainian", 50, None, "exact")]
    )
    assert claims_text.spread(st).iloc[0]["ratio"] == 6
    one = _statements(
        [("n1", "a", "A", "Russian", 1, None, "exact"), ("n2", "a", "A", "Russian", 5, None, "exact")]
    )
    assert claims_text.spread(one).empty


def test_spread_does_not_mix_different_things():
    st = _statements(
        [("n1", "a", "A", "Ukrainian", 11, None, "exact"), ("n2", "b", "B", "Ukrainian", 9, None, "exact")]
    )
    st.loc[1, "subject"] = "people"
    assert claims_text.spread(st).empty


def test_split_citations_respects_brackets_and_quotes():
    text = 'NYT, 24 February 2022 (Higgins; by headline); Reuters, 13 June 2022; X ("a; b")'
    assert claims.split_citations(text) == [
        "NYT, 24 February 2022 (Higgins; by headline)",
        "Reuters, 13 June 2022",
        'X ("a; b")',
    ]
    assert claims.split_citations(None) == [] and claims.split_citations(pd.NA) == []


@pytest.mark.parametrize(
    "entry, expected",
    [
        ('CNN, 21 May 2022 (Voitovych, "Ukraine recovers bodies")', ("CNN", "21 May 2022")),
        ('Forbes (David Axe, "The Ukrainian Army", undated)', ("Forbes", "")),
        ("ukrinform.net, 16 May 2022", ("ukrinform.net", "16 May 2022")),
        ("SOFREP", ("SOFREP", "")),
    ],
)
def test_outlet_and_date(entry, expected):
    assert claims.outlet_and_date(entry) == expected


def test_cited_outlets_counts_each_row_once_per_outlet():
    es = pd.DataFrame(
        {"cited_outlet": ["Reuters, 1 March 2022; Reuters, 2 March 2022", None, "CNN, 2 March 2022"]}
    )
    st = pd.DataFrame({"cited_outlet": ["Reuters, 28 February 2022", pd.NA]})
    out = claims.cited_outlets({"event_sources": es, "statements": st}).set_index("outlet")
    assert out.loc["Reuters", "rows in event_sources"] == 1 and out.loc["Reuters", "rows"] == 2
    assert out.loc["Reuters", "dates cited"] == "28 February 2022; 1 March 2022; 2 March 2022"
    assert list(out.index) == ["Reuters", "CNN"]


def test_claimant_styles_colour_by_side_and_are_stable():
    df = pd.DataFrame(
        {
            "who": ["Z (Russian)", "A (Ukrainian)", "Z (Russian)"],
            "claimant": ["Z", "A", "Z"],
            "claimant_side": ["Russian", "Ukrainian", "Russian"],
        }
    )
    s = claim_lanes.claimant_styles(df)
    assert list(s) == ["A (Ukrainian)", "Z (Russian)"]
    assert s["Z (Russian)"]["color"] == style.SIDE_COLOURS["Russian"]
    assert s == claim_lanes.claimant_styles(df.iloc[::-1])


def test_data_text_with_dollars_is_plain_text_in_charts():
    """A name like '$\\foo$' is drawn as written: no mathtext, no traceback (issue 9, item 10)."""
    fig, ax = style.figure()
    label = ax.text(0.5, 0.5, claim_lanes.plain(r"$\foo$ and $700 million"))
    ax.set_title(r"$\foo$")
    fig.canvas.draw()  # an invalid macro would raise here if mathtext were on
    assert label._preprocess_math(label.get_text()) == (r"$\foo$ and $700 million", False)
    assert claim_lanes.plain(r"$\foo$") == r"$\foo$"
    style.plt.close(fig)


def test_pack_puts_overlapping_intervals_on_separate_rows():
    assert claim_lanes.pack([0, 1, 5, 6, 20], [4, 8, 7, 30, 25]) == [0, 1, 0, 2, 0]
    assert claim_lanes.pack([], []) == []


def test_spread_needs_two_numbers_for_a_ratio():
    st = _statements(
        [
            ("n1", "a", "A", "Ukrainian", None, None, "dozens"),
            ("n2", "b", "B", "Ukrainian", 11, None, "exact"),
        ]
    )
    row = claims_text.spread(st).iloc[0]
    assert (row["low"], row["high"]) == (11, 11) and pd.isna(row["ratio"])


def test_a_claim_and_its_figure_are_counted_once():
    ev = pd.DataFrame(
        {
            "event_id": ["e1", "e2"],
            "verification": ["refuted", "disputed"],
            "claimant_side": ["Russian", "Russian"],
        }
    )
    st = pd.DataFrame(
        {
            "statement_id": ["n1", "n2", "n3", "n4"],
            "event_id": ["e1", "e2", "e2", None],
            "verification": ["refuted", "disputed", "claimed", "refuted"],
            "claimant_side": ["Russian"] * 4,
        }
    )
    one = claims.one_per_claim(ev, st)
    assert one["verification"].value_counts().to_dict() == {"refuted": 2, "disputed": 1, "claimed": 1}
    assert set(one.loc[one["verification"] == "refuted", "key"]) == {"e1", "n4"}


def test_counts_and_lists_come_from_the_one_prose_layer():
    # claims.py keeps no copy of its own: the chapters count and list with kharkiv.text.prose
    assert not any(hasattr(claims, f) for f in ("count", "listing", "capitalise"))
    assert prose.count(1, "figure", words=True) == "one figure"
    assert prose.count(3, "claim", words=True) == "three claims"
    assert prose.count(12, "event", words=True) == "12 events"
    assert prose.listing(["a", "b", "c"]) == "a, b and c"


def test_one_per_claim_counts_as_the_story_chapters_do():
    ev = pd.DataFrame({"event_id": ["e1"], "verification": ["refuted"], "claimant_side": ["Russian"]})
    st = pd.DataFrame(
        {
            "statement_id": ["n1", "n2"],
            "event_id": ["e1", None],
            "verification": ["refuted", "disputed"],
            "claimant_side": ["Russian", "Ukrainian"],
        }
    )
    one = claims.one_per_claim(ev, st)
    assert one[["key", "verification"]].equals(counts.claims(ev, st))
    assert one.set_index("key")["kind"].to_dict() == {"e1": "event", "n2": "figure"}
    assert one.set_index("key")["claimant_side"].to_dict() == {"e1": "Russian", "n2": "Ukrainian"}


def test_spread_lists_its_ids_numerically_beyond_four_digits():
    st = _statements(
        [
            ("n10000", "a", "A", "Ukrainian", 10, None, "exact"),
            ("n9999", "b", "B", "Russian", 12, None, "exact"),
        ]
    )
    assert claims_text.spread(st).iloc[0]["statement_ids"] == "n9999; n10000"


# --- the chapter's builders, on small synthetic frames ---


def _chapter_frames():
    d = pd.Timestamp
    ev = pd.DataFrame(
        {
            "event_id": ["e1", "e2", "e3"],
            "start_date": [d("2022-03-01"), d("2022-02-27"), d("2022-03-02")],
            "summary": ["A commander killed", "A mass surrender", "Shelling"],
            "claimant": ["Igor Konashenkov", "Ministry of Defence of Ukraine", "Unattributed"],
            "claimant_side": ["Russian", "Ukrainian", "unattributed"],
            "verification": ["refuted", "disputed", "reported"],
            "source_ids": ["s000; s001", "s000", "s001"],
            "n_sources": [2, 1, 1],
            "place": ["Kharkiv", "Kharkiv", "Izium"],
            "event_type": pd.Categorical(["Battles", "Battles", "Explosions/Remote violence"]),
        }
    )
    es = pd.DataFrame(
        {
            "event_id": ["e1", "e1", "e2", "e3"],
            "source_id": ["s001", "s000", "s000", "s001"],
            "evidence": ["later decorated", "was killed", "surrendered", "shelled"],
            "weak_sourcing": [None, "citation needed", None, None],
        }
    )
    st = _statements(
        [
            ("n1", "a", "Oleh Synyehubov", "Ukrainian", 11, None, "exact"),
            ("n2", "b", "Ihor Terekhov", "Ukrainian", 22, None, "exact"),
        ]
    )
    st = wording.with_figures(
        st.assign(
            verification=["refuted", "claimed"],
            claim_date=[pd.NaT, d("2022-02-28")],
            source_id=["s000", "s001"],
            evidence=["eleven killed", "22 killed"],
            event_id=[None, None],
            weak_sourcing=["unreliable source", None],
        ),
        "short",
    )
    names = {"s000": "Wikipedia", "s001": "The Washington Post"}
    return ev, st, es, names


def test_contested_lists_refuted_and_disputed_events_and_figures_in_date_order():
    ev, st, es, names = _chapter_frames()
    out = claims_chapter.contested(ev, st, es, names)
    assert list(out["id"]) == ["e2", "n1", "e1"]  # 27 Feb, 28 Feb (the figure's period), 1 Mar
    assert list(out["kind"]) == ["event", "figure", "event"]
    e1 = out.set_index("id").loc["e1"]
    assert e1["source"] == "Wikipedia; The Washington Post"
    assert e1["evidence"] == "Wikipedia: was killed | The Washington Post: later decorated"
    assert out.set_index("id").loc["n1", "what"] == "11 killed (civilians), 28 Feb 2022"
    assert claims_chapter.contested_facts(out) == {
        "n_refuted": "2",
        "n_disputed": "1",
        "n_refuted_events": "1",
        "n_disputed_events": "1",
    }


def test_contested_with_nothing_contested_is_an_empty_table():
    ev, st, es, names = _chapter_frames()
    out = claims_chapter.contested(ev.iloc[2:], st.iloc[1:], es, names)
    assert out.empty and {"date", "kind", "what", "id"} <= set(out.columns)


def test_flagged_keeps_one_row_per_flagged_excerpt_and_figure():
    ev, st, es, names = _chapter_frames()
    weak = claims_chapter.flagged(ev, st, es, names)
    assert list(weak["id"]) == ["n1", "e1"] and list(weak["marker"]) == [
        "unreliable source",
        "citation needed",
    ]
    facts = claims_chapter.flagged_facts(weak)
    assert facts["n_weak_text"] == "one event and one figure"
    assert (facts["n_weak_citation"], facts["n_weak_unreliable"]) == ("1", "1")
    assert claims_chapter.flagged_facts(weak.iloc[:0])["n_weak_text"] == "no fact"


def test_by_claimant_counts_events_and_figures_and_names_the_unattributed_side():
    ev, st, _, _ = _chapter_frames()
    table = claims_chapter.by_claimant(ev, st)
    assert list(table.columns) == ["who", "side", *claims.VERIFICATION, "events and figures"]
    assert table["events and figures"].sum() == len(ev) + len(st)
    assert "unattributed" not in set(table["side"]) and attribution.NO_ONE in set(table["side"])


def test_label_facts_word_the_counts_and_link_the_refuted_claims():
    one = pd.DataFrame(
        {
            "key": ["e1", "n2", "n3", "e4"],
            "verification": ["refuted", "claimed", "corroborated", "claimed"],
            "kind": ["event", "figure", "figure", "event"],
            "claimant_side": ["Russian", "Ukrainian", "third party", "Russian"],
        }
    )
    facts = claims_chapter.label_facts(one)
    assert facts["share_party_claimed"] == "67%"
    assert facts["n_corroborated_text"] == "One claim was"
    assert facts["n_refuted_verb"] == "was"
    assert (
        "e1" in facts["n_refuted_claims_link"].data and ">one claim<" in facts["n_refuted_claims_link"].data
    )
    assert facts["n_disputed_claims_link"].data == "no claim"  # nothing to link to, and no 'zero claims'
    assert facts["n_disputed_verb"] == "was"


def test_verification_chart_titles_its_finding():
    one = pd.DataFrame(
        {
            "verification": ["claimed", "claimed", "corroborated"],
            "claimant_side": ["Russian", "Ukrainian", "Russian"],
        }
    )
    fig = claims_chapter.verification_chart(one)
    assert fig.axes[0].get_title(loc="left").startswith("67% of the warring sides' claims")


def test_spread_facts_table_and_title_name_the_widest_gap():
    st = _statements(
        [
            ("n1", "a", "A", "Ukrainian", 10, None, "exact"),
            ("n2", "b", "B", "Russian", 25, None, "exact"),
        ]
    )
    sp = claims_text.spread(st)
    facts = claims_chapter.spread_facts(sp)
    assert facts["max_ratio"] == "2.5" and facts["max_ratio_what"] == "civilians killed on 28 February 2022"
    assert (
        claims_chapter.spread_title(sp)
        == "Officials differ on one count of 28 February 2022: civilians killed (10 to 25)"
    )
    assert claims_chapter.spread_facts(sp, {"kharkiv": "Kharkiv"})["disagreements"] == (
        "one count: civilians killed in Kharkiv on 28 February 2022 (10 to 25)"
    )
    table = claims_chapter.spread_table(sp, {"kharkiv": "Kharkiv"})
    assert table.loc[0, "count"] == "killed (civilians), Kharkiv" and table.loc[0, "high / low"] == "2.50"
    assert claims_chapter.spread_facts(sp.iloc[:0])["max_ratio"] == "none"
    assert claims_chapter.spread_title(sp.iloc[:0]).startswith("No two officials")
    assert claims_chapter.spread_facts(sp.iloc[:0])["disagreements"] == "no count"


def test_a_report_repeated_word_for_word_is_written_once_with_its_count():
    assert (
        claims_text.reports_text(["A", "B", "A", "A"], ["11", "12", "11", "13"])
        == "A: 11 (2 reports); B: 12; A: 13"
    )


def test_spread_groups_draw_one_dot_per_distinct_number():
    st = wording.with_figures(
        _statements(
            [
                ("n1", "a", "A", "Ukrainian", 10, None, "exact"),
                ("n2", "a", "A", "Ukrainian", 10, None, "exact"),
                ("n3", "b", "B", "Russian", 25, None, "exact"),
            ]
        ),
        "short",
    )
    sp = claims_text.spread(st)
    assert sp.loc[0, "figures"] == "A (Ukrainian): 10 (2 reports); B (Russian): 25"
    (group,) = claims_text.spread_groups(sp, st, {"kharkiv": "Kharkiv"})
    assert list(group["numbers"]["who"]) == ["A", "B"]


def test_single_source_facts_and_documents_chart():
    ev, _, _, names = _chapter_frames()
    facts = claims_chapter.single_source_facts(ev)
    assert (
        facts["share_single"] == "67%" and facts["n_multi_text"] == "one is" and facts["max_sources"] == "two"
    )
    assert (
        claims_chapter.documents_chart(ev).axes[0].get_title(loc="left")
        == "67% of the events rest on a single document"
    )
    multi = claims_chapter.multi_source_events(ev, names)
    assert list(multi["event_id"]) == ["e1"] and multi.loc[0, "sources"] == "Wikipedia; The Washington Post"


def test_counts_in_the_prose_carry_thousands_separators():
    ev = _chapter_frames()[0]
    many = pd.concat(
        [ev.assign(event_id=[f"e{i}{j}" for j in range(3)]) for i in range(500)], ignore_index=True
    )
    assert claims_chapter.single_source_facts(many)["n_single"] == "1,000"
    assert claims_chapter.single_source_facts(many)["n_multi_text"] == "500 are"

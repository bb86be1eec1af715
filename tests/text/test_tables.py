"""Chapter tables that link each event or figure to its explorer card, and stay escaped while doing it."""

import pandas as pd
import pytest

from kharkiv.text import html_tables as tables


def _table(**kw) -> str:
    return tables.html_table(pd.DataFrame(kw), links={"what": "event_id"})


def test_a_linked_cell_opens_the_explorer_card_of_its_row():
    out = _table(what=["Shelling of Saltivka"], event_id=["e0028"])
    assert '<a class="kx-link" href="explorer.html#e0028">Shelling of Saltivka</a>' in out
    assert ">e0028<" not in out  # the id column serves the link and is not shown


def test_markup_in_a_linked_cell_stays_text():
    out = _table(what=['<script>alert(1)</script> & "x"'], event_id=["e0001"])
    assert "<script>" not in out
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;x&quot;</a>" in out


def test_an_id_from_the_data_cannot_break_out_of_the_href():
    out = _table(what=["x"], event_id=['e1" onclick="alert(1)'])
    assert 'onclick="' not in out


def test_a_row_without_an_id_is_plain_text_and_several_ids_open_the_set():
    out = _table(what=["a", "b"], event_id=[None, "n0001; e0002"])
    assert '<td data-label="what">a</td>' in out
    assert 'href="explorer.html#ids=e0002,n0001">b</a>' in out


def test_a_linked_column_may_be_the_id_itself():
    out = tables.html_table(pd.DataFrame({"id": ["n0017"]}), links={"id": "id"})
    assert 'href="explorer.html#n0017">n0017</a>' in out


def test_a_missing_column_is_named():
    with pytest.raises(KeyError, match="event_id"):
        tables.html_table(pd.DataFrame({"what": ["a"]}), links={"what": "event_id"})


def test_a_long_table_lists_its_first_rows_and_says_where_all_of_them_are():
    df = pd.DataFrame({"what": [f"row {i}" for i in range(12)]})
    out = tables.show(
        df, fold=True, summary="Every row", limit=5, view={"view": "figures", "side": "Ukrainian"}
    ).data
    assert out.count("<tr>") == 1 + 5  # header and the first five
    assert "row 4<" in out and "row 5<" not in out
    assert "Every row (12 entries)" in out  # the dropdown counts them all
    assert "The first 5 of 12 entries are listed here" in out
    assert 'href="explorer.html#view=figures&amp;side=Ukrainian"' in out
    assert 'href="downloads.html"' in out


def test_a_table_within_the_limit_is_listed_whole_without_a_note():
    df = pd.DataFrame({"what": ["a", "b"]})
    out = tables.show(df, limit=2).data
    assert out.count("<tr>") == 3 and "kharkiv-rest" not in out
    assert tables.show(pd.DataFrame({"what": ["a"] * 3}), limit=None).data.count("<tr>") == 4


def test_a_heatmap_writes_its_counts_with_thousands_separators():
    import matplotlib

    matplotlib.use("Agg")
    from kharkiv.plots import charts

    table = pd.DataFrame(
        {"Ukrainian sources": [1300, 0], "Russian sources": [2, 7]}, index=["killed", "tanks lost"]
    )
    fig = charts.count_heatmap(table, "t", "x", "y")
    texts = {t.get_text() for t in fig.axes[0].texts}
    assert {"1,300", "2", "7"} <= texts and "0" not in texts  # zero cells stay blank

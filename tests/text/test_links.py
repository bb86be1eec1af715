from kharkiv.text import links


def test_event_links_point_at_the_chronology_anchor():
    assert links.chronology_href("e0028") == "chronology.html#e0028"
    assert links.chronology_href("e0028", from_dir="book") == "../notebooks/chronology.html#e0028"


def test_explorer_links_open_one_row_or_a_set():
    assert links.explorer_href("n0017") == "explorer.html#n0017"
    assert links.explorer_href(["n0018", "e0028", "n0018"], from_dir="book") == (
        "../notebooks/explorer.html#ids=e0028,n0018"
    )


def test_a_number_behind_too_many_rows_links_to_the_view_that_holds_them():
    few = links.rows_link_md("3", ["e0001", "e0002", "e0003"])
    assert "explorer.html#ids=e0001,e0002,e0003" in few
    many = [f"n{i:05d}" for i in range(links.MAX_LINK_IDS + 1)]
    out = links.rows_link_md("201", many, view={"view": "figures", "subject": "russian military"})
    assert 'href="explorer.html#view=figures&amp;subject=russian%20military"' in out
    assert "n00000" not in out
    assert 'href="explorer.html"' in links.rows_link_md("201", many)


def test_a_glued_number_is_markdown_that_names_its_rows_once_in_order():
    md = links.rows_link("2", ["n0010", "n0002", "n0010"]).data
    assert 'href="explorer.html#ids=n0002,n0010"' in md and "the 2 reports behind this number" in md
    assert 'href="explorer.html#e0028"' in links.rows_link("1", "e0028").data  # one id, not its letters

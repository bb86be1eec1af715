from kharkiv import links


def test_event_links_point_at_the_chronology_anchor():
    assert links.chronology_href("e0028") == "chronology.html#e0028"
    assert links.chronology_href("e0028", from_dir="book") == "../notebooks/chronology.html#e0028"


def test_explorer_links_open_one_row_or_a_set():
    assert links.explorer_href("n0017") == "explorer.html#n0017"
    assert links.explorer_href(["n0018", "e0028", "n0018"], from_dir="book") == (
        "../notebooks/explorer.html#ids=e0028,n0018"
    )

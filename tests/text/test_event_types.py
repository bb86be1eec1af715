"""kharkiv.text.event_types: the dataset's event types in a reader's words."""

import json

from kharkiv.data.paths import ROOT
from kharkiv.text import event_types


def test_every_event_type_of_the_schema_has_words_and_none_is_a_category_name():
    package = json.loads((ROOT / "data" / "datapackage.json").read_text(encoding="utf-8"))
    events = next(r for r in package["resources"] if r["name"] == "events")
    kinds = next(f for f in events["schema"]["fields"] if f["name"] == "event_type")["constraints"]["enum"]
    assert set(kinds) == set(event_types.PLAIN)
    assert all(event_types.plain(k) != k and "/" not in event_types.plain(k) for k in kinds)


def test_a_type_without_words_is_shown_as_it_is():
    assert event_types.plain("Riots") == "Riots"

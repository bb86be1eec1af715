"""The facts several pages state, worded once, so every page prints the same words."""

from kharkiv.model import views
from kharkiv.model.counts import claims_by_label, settlements_retaken
from kharkiv.model.periods import ASSAULT, MAY, SEPTEMBER, assault_events, window
from kharkiv.text import prose


def shared_facts(t: dict, events=None, statements=None) -> dict[str, str]:
    """The counts and periods that several pages give, worded once. A page that gives one of them glues it under
    this key (prose.glue_facts(counts.shared_facts(t))), so every page prints the same words; the reader-page tests
    check that every notebook glueing one of these keys glues exactly this value. events, statements:
    views.events(t) and views.statements(t), when the caller has them already (they are slow to build at scale)."""

    events = views.events(t) if events is None else events
    statements = views.statements(t) if statements is None else statements
    facts = {"n_sources": prose.count(len(t["sources"]), "source document", words=True)}
    for key, phase_id in (("assault", ASSAULT), ("may", MAY), ("sept", SEPTEMBER)):
        start, end = window(t["phases"], phase_id)
        facts[f"{key}_period"] = prose.when(start, end)
        facts[f"{key}_n_days"] = prose.count((end - start).days + 1, "day", words=True)
    facts["assault_n_events"] = prose.count(len(assault_events(events)), "event")
    for key, phase_id in (("may", MAY), ("sept", SEPTEMBER)):
        facts[f"{key}_n_settlements"] = prose.count(
            len(settlements_retaken(t, phase_id, distances=False, events=events)), "settlement", words=True
        )
    by_label = claims_by_label(events, statements)
    nouns = {
        "refuted": "refuted claim",
        "disputed": "disputed claim",
        "corroborated": "corroborated claim",
        "claimed": "one-sided claim",
    }
    for label, noun in nouns.items():
        facts[f"n_{label}_claims"] = prose.count(int(by_label[label]), noun, words=True)
    return facts

"""Accessible to everyone (issue 24): axe-core, vendored from the npm registry (tests/vendor/axe-core), finds no
violation of the WCAG 2.x A and AA rules on any page of the built book, in light mode, in dark mode and on a 390 px
phone (book_record runs it over every page in every view: tests/conftest.py). That no page loads the theme's Font
Awesome script is checked with its font in tests/build/test_light.py."""

import json

import pytest

from tests.conftest import AXE, VIEWS

MODES = {"light": "1400-light", "dark": "1400-dark", "390px": "390-light"}  # the test ids, as before


def test_axe_is_vendored_with_its_licence():
    assert AXE.exists() and (AXE.parent / "LICENSE").exists()
    assert AXE.read_text(encoding="utf-8", errors="replace")[:300].count("axe v4.")


def test_every_mode_is_a_view_of_the_record():
    assert set(MODES.values()) == set(VIEWS)


@pytest.mark.parametrize("mode", list(MODES))
def test_axe_finds_no_wcag_a_or_aa_violation(book_record, mode):
    problems = [
        f"{rel} [{mode}] {v['id']} ({v['impact']}): {v['help']}: {json.dumps(v['nodes'])}"
        for rel, r in book_record[MODES[mode]].items()
        for v in r["axe"]
    ]
    assert book_record[MODES[mode]] and not problems, "\n".join(problems)

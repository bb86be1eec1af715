"""Accessible to everyone (issue 24): axe-core, vendored from the npm registry (tests/vendor/axe-core), finds no
violation of the WCAG 2.x A and AA rules on any page of the built book, in light mode, in dark mode and on a 390 px
phone; and no page loads the theme's Font Awesome script (1.5 MB for a handful of icons)."""

import json
from pathlib import Path

import pytest

from tests.conftest import DESKTOP, PHONE, content_pages, open_page

AXE = Path(__file__).parents[1] / "vendor" / "axe-core" / "axe.min.js"
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
MODES = {"light": (DESKTOP, "light"), "dark": (DESKTOP, "dark"), "390px": (PHONE, "light")}
RUN_AXE = """async tags => {
  const r = await axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']});
  return r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
    nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ') + ': ' + (n.failureSummary || '').split('\\n')[1])}));
}"""

# An opened fold fades its content in (sphinx-togglebutton's toggle-fade-in, 0.3 s): measured midway, code shows
# at three quarters of its colour and fails contrast that it meets once shown. Wait for every finite animation.
SETTLED = """() => document.getAnimations().every(a =>
  a.playState !== 'running' || a.effect.getComputedTiming().endTime === Infinity)"""


def axe_violations(page) -> list[dict]:
    page.add_script_tag(content=AXE.read_text(encoding="utf-8"))
    return page.evaluate(RUN_AXE, WCAG_AA)


def test_axe_is_vendored_with_its_licence():
    assert AXE.exists() and (AXE.parent / "LICENSE").exists()
    assert AXE.read_text(encoding="utf-8", errors="replace")[:300].count("axe v4.")


@pytest.mark.browser
@pytest.mark.parametrize("mode", list(MODES))
def test_axe_finds_no_wcag_a_or_aa_violation(browser, server, built_html, mode):
    viewport, scheme = MODES[mode]
    problems = []
    for rel in content_pages(built_html):
        context, page = open_page(browser, server + rel, viewport, scheme)
        page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
        page.wait_for_function(SETTLED)  # axe measures the page a reader sees, not a fold's fade-in midway
        for v in axe_violations(page):
            problems.append(
                f"{rel} [{mode}] {v['id']} ({v['impact']}): {v['help']}: {json.dumps(v['nodes'])}"
            )
        context.close()
    assert not problems, "\n".join(problems)


@pytest.mark.browser
def test_no_page_requests_the_font_awesome_script(browser, server, built_html):
    problems = []
    for rel in content_pages(built_html):  # the explorer, search and index pages included
        context = browser.new_context(viewport=DESKTOP)
        page = context.new_page()
        requested = []
        page.on("request", lambda r, seen=requested: seen.append(r.url))
        page.goto(server + rel, wait_until="load")
        heavy = [u for u in requested if "fontawesome.js" in u.lower()]
        if heavy:
            problems.append(f"{rel}: {heavy}")
        context.close()
    assert not problems, "\n".join(problems)

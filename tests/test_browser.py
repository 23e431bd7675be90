"""End to end in a real browser: Debian's chromium driven by Playwright against a real
`intmk serve`. A reader opens the home page, follows a link to a resolution, runs an
example query on the query page and reads the result table. Screenshots are kept in
test-artifacts/screenshots/ (the README shows two of them)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, Playwright, sync_playwright

from tests.server_process import RunningServer

ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
CHROMIUM = "/usr/bin/chromium"
AXE = ROOT / "server" / "assets" / "node_modules" / "axe-core" / "axe.min.js"
"""Deque's axe-core, installed by `make assets` for this test only (never served)."""
# the flags a closed network needs: no background connections, no updates, no sync
FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as driver:
        yield driver


@pytest.fixture(scope="module")
def browser(playwright: Playwright) -> Iterator[Browser]:
    if shutil.which(CHROMIUM) is None:
        pytest.fail(f"{CHROMIUM} is missing: `make test-packages` installs Debian's chromium")
    launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
    yield launched
    launched.close()


@pytest.fixture
def tab(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="de-DE")
    opened = context.new_page()
    yield opened
    context.close()


def keep(page: Page, name: str, *, full_page: bool = False) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=full_page)


def test_home_then_a_resolution(tab: Page, server: RunningServer) -> None:
    tab.goto(server.url)
    assert tab.title() == "Beschlüsse der Integrationsministerkonferenz – IntMK Linked Data"
    row = tab.locator('tr[data-top="6.4"]')
    assert row.locator("td.outcome").inner_text() == "angenommen (mehrheitlich)"
    keep(tab, "home")
    row.locator("td.outcome a").click()
    tab.wait_for_url("**/doc/conference/18/resolution/6.4")
    assert tab.locator("h1 .kicker").inner_text() == "Beschluss zu TOP 6.4"
    marks = tab.locator("blockquote.resolution mark.request")
    assert marks.count() == 3
    assert tab.locator("#request-3 a.kind").inner_text() == "Prüfbitte"
    keep(tab, "resolution-6.4")


def test_an_example_query_in_the_editor(tab: Page, server: RunningServer) -> None:
    tab.goto(server.url + "sparql")
    editor = tab.locator(".CodeMirror")
    assert editor.count() == 1, "the editor did not load"
    assert tab.locator(".CodeMirror .cm-keyword").count() > 0, "no syntax highlighting"
    example = tab.locator('#examples li[data-example="01-requests-to-the-bund-2023"]')
    example.locator("button.load").click()
    assert "RequestToBund" in tab.evaluate(
        "document.querySelector('.CodeMirror').CodeMirror.getValue()"
    )
    tab.locator("#run").click()
    tab.wait_for_selector("table#results tbody tr")
    rows = tab.locator("table#results tbody tr")
    assert rows.count() == 33
    assert tab.locator("#row-count").get_attribute("data-count") == "33"
    headers = tab.locator("table#results thead th").all_inner_texts()
    first = dict(zip(headers, rows.first.locator("td").all_inner_texts(), strict=True))
    assert first["top"] == "1.5"
    assert first["kind"].startswith("Ersuchen")
    assert first["addressees"].startswith("Bund")
    assert first["applicants"].startswith("Hamburg, Hessen")
    link = rows.first.locator("a[href^='/doc/']").first
    assert link.count() == 1
    tab.evaluate("document.getElementById('answer').scrollIntoView()")
    keep(tab, "query-results")
    csv = tab.locator("#downloads a", has_text="CSV")
    href = csv.get_attribute("href")
    assert href is not None and "format=csv" in href


def test_pages_fit_a_phone(browser: Browser, server: RunningServer) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    phone = context.new_page()
    for path, name in (
        ("/doc/conference/18/resolution/4.4", "phone-resolution"),
        ("/doc/conference/18/item/4.4", "phone-item"),
        ("/", "phone-home"),
        ("/sparql", "phone-query"),
        ("/dataset", "phone-dataset"),
        ("/ontology", "phone-ontology"),
        ("/shapes", "phone-shapes"),
        ("/dumps/", "phone-dumps"),
    ):
        phone.goto(server.url + path.lstrip("/"))
        overflow = phone.evaluate(
            "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{path} scrolls sideways on a phone by {overflow} px"
        keep(phone, name)
    context.close()


def test_pages_work_without_javascript(browser: Browser, server: RunningServer) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(server.url + "sparql")
    page.locator('#examples li[data-example="03-resolutions-adopted-by-majority"] a.run').click()
    page.wait_for_selector("table#results")
    assert page.locator("table#results tbody tr").count() > 0
    page.goto(server.url + "doc/land/DE-HE")
    # 9 since issue 15: "Die IntMK fordert einen leichteren Zugang …" (TOP 7.1, Hessen among
    # the applicants) is a request with no addressee named
    assert page.locator("#requests").inner_text() == "Mitgezeichnete Bitten (9)"
    context.close()


@pytest.mark.parametrize(
    "path",
    [
        "",
        "?lang=en",
        "doc/conference/18/resolution/6.4",
        "doc/conference/18/item/4.4",
        "doc/land/DE-HE",
        "doc/person/kai-klose",
        "sparql",
        "sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%205",
        "dataset",
        "ontology",
        "shapes",
        "dumps/",
        "doc/nothing-here",
    ],
)
def test_pages_have_no_accessibility_violations(
    tab: Page, server: RunningServer, path: str
) -> None:
    """axe-core's WCAG 2.1 A and AA rules: no serious or critical violation on any page."""
    assert AXE.exists(), f"{AXE} is missing: `make assets` installs axe-core"
    tab.goto(server.url + path)
    tab.add_script_tag(path=str(AXE))
    found = tab.evaluate(
        """async () => (await axe.run(document, {runOnly: ['wcag2a', 'wcag2aa', 'wcag21aa']}))
            .violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => `${v.id}: ${v.help} (${v.nodes.length}×, e.g. ${v.nodes[0].target})`)"""
    )
    assert found == [], f"/{path}: " + "; ".join(found)

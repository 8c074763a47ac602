"""The web client end to end: Debian's headless Chromium, driven by Playwright, against a daemon started here.

The daemon is the real one (`create_app(settings)`: real Redis, real sandboxes) serving the built
client from web/dist (scripts/setup.sh builds it). Playwright only drives /usr/bin/chromium: no
browser is downloaded. With JUDGED_SCREENSHOTS=docs/screenshots the run also writes a screenshot
of each page there (the README shows them).
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import time
from collections.abc import AsyncIterator
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestServer
from playwright.async_api import Browser, Page, ViewportSize, async_playwright, expect

from judged.daemon import create_app
from judged.sandbox import Sandbox
from judged.settings import Settings, load_settings
from tests.conftest import cannot_test
from tests.store.redis_server import redis_url_fixture

__all__ = ["redis_url_fixture"]

PROJECT = Path(__file__).resolve().parents[2]
DIST = Path(os.environ.get("JUDGED_WEB_DIST", PROJECT / "web" / "dist"))  # another build: its tests against old code
CHROMIUM = Path(os.environ.get("JUDGED_CHROMIUM", "/usr/bin/chromium"))
SCREENSHOTS = os.environ.get("JUDGED_SCREENSHOTS", "")
VERDICT_TIMEOUT = 120_000  # ms: a generous bound on a busy machine, never a claim about speed
# Every expectation waits up to 20 s (Playwright's default is 5 s): a page that loads Monaco on a machine at load 15
# takes longer, and a wait that ends early is a flaky failure, not a finding.
expect.set_options(timeout=20_000)
WIDE: ViewportSize = {"width": 1280, "height": 900}
PHONE: ViewportSize = {"width": 390, "height": 844}
_errors: dict[int, list[str]] = {}

APLUSB_RIGHT = "a, b = map(int, input().split())\nprint(a + b)\n"
APLUSB_WRONG = "print(0)\n"
BALANCE_RIGHT = PROJECT / "problems" / "balance-point" / "solutions" / "accepted" / "solution.py"
SCALE_RIGHT = PROJECT / "problems" / "balance-scale" / "solutions" / "accepted" / "solution.py"
SCALE_WRONG = "class Solution:\n    def canBalance(self, n: int) -> bool:\n        return False\n"


def cannot_run(reason: str) -> None:
    """Skip here; under CI (which builds the client and installs Chromium) it is a failure."""
    cannot_test(f"THE WEB CLIENT CANNOT BE TESTED: {reason}")


@pytest.fixture(scope="module")
def built() -> Path:
    if not (DIST / "index.html").is_file():
        cannot_run(f"{DIST} has no index.html: build the client (cd web && npm ci && npm run build)")
    if not os.access(CHROMIUM, os.X_OK):
        cannot_run(f"no Chromium at {CHROMIUM}: apt-get install chromium (or set JUDGED_CHROMIUM)")
    return DIST


def web_settings(jail_tmp: Path, redis_url: str, built: Path, name: str, more: dict[str, object]) -> Settings:
    """A daemon's settings that serve the built client, its state and Redis keys its own (`name`), and `more`."""
    state = jail_tmp / f"{name}-state"
    state.mkdir(mode=0o711, exist_ok=True)
    overrides: dict[str, object] = {
        "state_dir": str(state),
        "languages_dir": str(PROJECT / "languages"),
        "problem_roots": [str(PROJECT / "problems")],
        "redis.url": redis_url,
        "redis.prefix": f"{name}:",
        "web.dir": str(built),
    }
    return load_settings(None, overrides={**overrides, **more})


@contextlib.asynccontextmanager
async def daemon(jail_tmp: Path, redis_url: str, built: Path, name: str) -> AsyncIterator[str]:
    """The daemon's own app serving the built client, its state and Redis keys its own (`name`); yields its URL."""
    settings = web_settings(jail_tmp, redis_url, built, name, {"worker.slots": 2, "submissions.max_per_minute": 100})
    server = TestServer(create_app(settings), host="127.0.0.1")
    await server.start_server()
    url = str(server.make_url("/"))
    async with aiohttp.ClientSession() as session:
        deadline = time.monotonic() + 120
        while (await session.get(f"{url}readyz")).status != 200:
            assert time.monotonic() < deadline, "the daemon was not ready after 120 s"
            await asyncio.sleep(0.2)
    try:
        yield url
    finally:
        await server.close()


@pytest.fixture(scope="module")
async def base_url(sandbox: Sandbox, jail_tmp: Path, redis_url: str, built: Path) -> AsyncIterator[str]:
    async with daemon(jail_tmp, redis_url, built, "web-e2e") as url:
        yield url


@pytest.fixture(scope="module")
async def browser(built: Path) -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        # Debian's Chromium; --no-sandbox because the tests run as root, where Chromium's own sandbox cannot start.
        launched = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox"])
        yield launched
        await launched.close()


async def screenshot(page: Page, name: str) -> None:
    if SCREENSHOTS:
        folder = PROJECT / SCREENSHOTS
        folder.mkdir(parents=True, exist_ok=True)
        await page.screenshot(path=str(folder / f"{name}.png"), full_page=False)


async def new_page(browser: Browser, base_url: str, viewport: ViewportSize = WIDE) -> Page:
    context = await browser.new_context(
        viewport=viewport, base_url=base_url, permissions=["clipboard-read", "clipboard-write"]
    )
    context.set_default_timeout(30_000)
    page = await context.new_page()
    watch(page)
    return page


def watch(page: Page) -> None:
    """Collect the page's uncaught script errors: a test ends by asserting there were none."""
    errors = _errors.setdefault(id(page), [])
    page.on("pageerror", lambda error: errors.append(str(error)))


def page_errors(page: Page) -> list[str]:
    return _errors.get(id(page), [])


async def editor_ready(page: Page) -> None:
    await expect(page.locator("#editor[data-editor=ready] .monaco-editor")).to_be_visible()


async def set_code(page: Page, code: str) -> None:
    """Replace the editor's text as a participant would: select all, paste (typing would auto-indent and auto-close)."""
    await page.locator("#editor .view-lines").click()
    await page.keyboard.press("Control+A")
    await page.keyboard.press("Delete")
    await page.evaluate("text => navigator.clipboard.writeText(text)", code)
    await page.keyboard.press("Control+V")


async def editor_text(page: Page) -> str:
    text = await page.locator("#editor .view-lines").inner_text()
    return text.replace("\u00a0", " ")


async def set_user(page: Page, user: str) -> None:
    await page.locator("#user-id").fill(user)
    await page.locator("#user-id").press("Tab")  # `change` fires on leaving the field


def phone(viewport: ViewportSize) -> bool:
    return viewport["width"] < 1000


async def open_code(page: Page, viewport: ViewportSize) -> None:
    """Below 1000 px the editor is behind the Code tab."""
    if phone(viewport):
        await page.get_by_role("tab", name="Code").click()
    await editor_ready(page)


async def open_editor(
    browser: Browser, base_url: str, viewport: ViewportSize = WIDE, *, user: str, problem: str, language: str, code: str
) -> Page:
    """Where most tests start: a new page, as `user`, with `code` in `language` in the problem's editor."""
    page = await new_page(browser, base_url, viewport)
    await goto_editor(page, viewport, user=user, problem=problem, language=language, code=code)
    return page


async def goto_editor(page: Page, viewport: ViewportSize, *, user: str, problem: str, language: str, code: str) -> None:
    """`page`, as `user`, with `code` in `language` in the problem's editor."""
    await page.goto("/")
    await set_user(page, user)
    await page.goto(f"/#/problems/{problem}")
    await open_code(page, viewport)
    await page.get_by_label("Language").select_option(language)
    await set_code(page, code)


async def test_the_problem_list_pages_filters_and_searches(browser: Browser, base_url: str) -> None:
    page = await new_page(browser, base_url)
    await page.goto("/")
    rows = page.locator("table.problems tbody tr")
    await expect(rows.first).to_be_visible()
    await expect(page.get_by_role("link", name="Balance Point")).to_be_visible()
    await screenshot(page, "problems")
    await page.get_by_label("Difficulty", exact=True).select_option("hard")
    await expect(page.locator("table.problems .difficulty-easy")).to_have_count(0)
    await expect(page.locator("table.problems .difficulty-hard").first).to_be_visible()
    await page.get_by_role("link", name="Clear").click()
    await page.get_by_role("searchbox", name="Search").fill("plus")
    await page.get_by_role("searchbox", name="Search").press("Enter")
    await expect(rows).to_have_count(1)
    await page.get_by_role("link", name="A Plus B").click()
    await expect(page.locator("h1#problem-title")).to_have_text("A Plus B")
    await expect(page.locator(".markdown .math").first).to_be_visible()  # $a + b$ shown as math, not as TeX
    assert "$" not in await page.locator(".markdown").inner_text()
    await editor_ready(page)
    assert page_errors(page) == []
    await page.context.close()


async def test_switching_language_loads_its_stub_and_drafts_survive_a_reload(browser: Browser, base_url: str) -> None:
    page = await new_page(browser, base_url)
    await page.goto("/#/problems/balance-point")
    await editor_ready(page)
    assert "def balancePoint" in await editor_text(page)
    await page.get_by_label("Language").select_option("cpp")
    await expect(page.locator("#editor .view-lines")).to_contain_text("int balancePoint(vector<int>& weights)")
    await set_code(page, "// my cpp draft\nclass Solution {};\n")
    await page.wait_for_timeout(500)  # the draft is saved 300 ms after the last change
    await page.reload()
    await editor_ready(page)
    await expect(page.get_by_label("Language")).to_have_value("cpp")
    await expect(page.locator("#editor .view-lines")).to_contain_text("// my cpp draft")
    await page.get_by_label("Language").select_option("python")
    await expect(page.locator("#editor .view-lines")).to_contain_text("def balancePoint")
    assert page_errors(page) == []
    await page.context.close()


async def test_a_run_on_the_samples_shows_each_output_beside_the_expected(browser: Browser, base_url: str) -> None:
    page = await open_editor(
        browser, base_url, user="e2e-runner", problem="balance-point", language="python", code=BALANCE_RIGHT.read_text()
    )
    await page.get_by_role("button", name="Run samples").click()
    table = page.locator("#results table.runs")
    await expect(table).to_be_visible(timeout=VERDICT_TIMEOUT)
    await expect(table.locator("tbody tr")).to_have_count(3)
    await expect(table.locator(".ok")).to_have_count(3)
    assert page_errors(page) == []
    await page.context.close()


async def test_a_compile_error_names_its_line(browser: Browser, base_url: str) -> None:
    page = await new_page(browser, base_url)
    await page.goto("/")
    await set_user(page, "e2e-compiler")
    await page.goto("/#/problems/balance-point")
    await editor_ready(page)
    await page.get_by_label("Language").select_option("cpp")
    await expect(page.locator("#editor .view-lines")).to_contain_text("balancePoint")
    code = "class Solution {\npublic:\n    int balancePoint(vector<int>& weights) {\n        return x;\n    }\n};\n"
    await set_code(page, code)
    await page.get_by_role("button", name="Submit").click()
    await expect(page.locator("[data-verdict=CE]")).to_be_visible(timeout=VERDICT_TIMEOUT)
    await expect(page.locator(".compile-lines")).to_contain_text("Line 4")
    await expect(page.locator(".compile-lines")).to_contain_text("was not declared")
    assert page_errors(page) == []
    await page.context.close()


async def test_your_submissions_come_from_the_server_and_mark_the_problem_list(browser: Browser, base_url: str) -> None:
    page = await open_editor(
        browser, base_url, user="e2e-history", problem="aplusb", language="python", code=APLUSB_WRONG
    )
    await page.get_by_role("button", name="Submit").click()
    await expect(page.locator("#verdict [data-verdict=WA]")).to_be_visible(timeout=VERDICT_TIMEOUT)

    # Another browser, as it were: nothing remembered locally, the list is the server's history.
    forget = "() => Object.keys(localStorage).filter((k) => k.startsWith('judged:recent:'))"
    await page.evaluate(f"{forget}.forEach((k) => localStorage.removeItem(k))")
    await page.reload()
    await page.get_by_role("tab", name="Submissions").click()
    entry = page.locator(".submission-list [data-submission]")
    await expect(entry).to_have_count(1, timeout=30_000)
    await expect(entry.locator(".verdict-WA")).to_be_visible()
    await entry.click()  # opens the full result
    await expect(page.locator("#submission-result [data-verdict=WA]")).to_be_visible()
    await expect(page.locator("#submission-result")).to_contain_text("Expected")

    await page.goto("/#/problems?q=plus")
    row = page.locator("table.problems tr", has=page.get_by_role("link", name="A Plus B"))
    await expect(row.locator("[data-status=attempted]")).to_be_visible()

    await create_competition(base_url, "web-history-cup")
    await page.goto("/#/competitions")
    running = page.locator("ul.competitions[data-state=running]")
    await expect(running).to_contain_text("Web Cup")
    await running.get_by_role("link", name="Web Cup").first.click()
    await expect(page).to_have_url(re.compile(r"#/competitions/web"))
    assert page_errors(page) == []
    await page.context.close()


async def create_competition(base_url: str, competition_id: str) -> None:
    body = {
        "id": competition_id,
        "title": "Web Cup",
        "start": time.time() - 5,
        "duration": 3600,
        "freeze_minutes": 10,
        "problems": [{"problem": "aplusb"}, {"problem": "balance-point"}],
    }
    async with aiohttp.ClientSession() as session:
        response = await session.post(f"{base_url}v1/competitions", json=body)
        assert response.status == 201, await response.text()


async def test_wrong_then_right_in_a_competition_moves_the_live_leaderboard_row(
    browser: Browser, base_url: str
) -> None:
    await create_competition(base_url, "web-cup")
    solver = await new_page(browser, base_url)
    await solver.goto("/")
    await set_user(solver, "e2e-ada")
    board = await solver.context.new_page()  # a second tab: the same participant watching the board
    watch(board)
    await board.goto("/#/competitions/web-cup")
    await expect(board.locator("#countdown")).to_contain_text("Ends in")
    await expect(board.locator("table.board")).to_contain_text("Nobody has submitted yet")

    await solver.goto("/#/competitions/web-cup/problems/A")
    await expect(solver.locator("h1#problem-title")).to_have_text("A. A Plus B")
    await editor_ready(solver)
    await solver.get_by_label("Language").select_option("python")
    await set_code(solver, APLUSB_WRONG)
    await solver.get_by_role("button", name="Submit").click()
    await expect(solver.locator("[data-verdict=WA]")).to_be_visible(timeout=VERDICT_TIMEOUT)
    failure = solver.locator(".failure")
    await expect(failure).to_contain_text("Expected")
    await expect(failure).to_contain_text("Actual")

    mine = board.locator("table.board tr.me")
    await expect(mine).to_have_attribute("data-solved", "0", timeout=30_000)  # the board refreshed itself
    await expect(mine.locator("td.cell").first).to_contain_text("−1")

    await set_code(solver, APLUSB_RIGHT)
    await solver.get_by_role("button", name="Submit").click()
    await expect(solver.locator("[data-verdict=AC]")).to_be_visible(timeout=VERDICT_TIMEOUT)
    await screenshot(solver, "problem")

    await expect(mine).to_have_attribute("data-solved", "1", timeout=30_000)
    await expect(mine.locator("td.rank")).to_have_text("1")
    await expect(mine.locator("td.cell").first).to_contain_text("✓")
    await expect(board.locator(".competition-problems td.yours").first).to_contain_text("✓")
    await board.get_by_role("button", name="Show my row").click()
    await expect(mine).to_be_focused()
    await screenshot(board, "competition")
    assert page_errors(solver) == []
    assert page_errors(board) == []
    await solver.context.close()


async def test_the_submissions_tab_lists_a_submission_and_its_address_opens_its_result(
    browser: Browser, base_url: str
) -> None:
    page = await new_page(browser, base_url, {"width": 1280, "height": 800})
    await page.goto("/")
    await set_user(page, "e2e-tabs")
    await page.goto("/#/problems/balance-scale")  # in no competition: submitted without one
    await editor_ready(page)
    await expect(page.get_by_role("tab", name="Description")).to_have_attribute("aria-selected", "true")
    await expect(page.get_by_role("tab", name="Code")).to_be_hidden()  # the editor is beside the statement
    await page.get_by_label("Language").select_option("python")
    await set_code(page, SCALE_WRONG)
    await page.get_by_role("button", name="Submit").click()
    await expect(page.locator("#verdict [data-verdict=WA]")).to_be_visible(timeout=VERDICT_TIMEOUT)
    await set_code(page, SCALE_RIGHT.read_text())
    await page.get_by_role("button", name="Submit").click()
    await expect(page.locator("#verdict [data-verdict=AC]")).to_be_visible(timeout=VERDICT_TIMEOUT)

    tabs = page.get_by_role("tab")
    await tabs.first.focus()
    await page.keyboard.press("ArrowRight")  # arrow keys move along the tabs and open them
    submissions = page.get_by_role("tab", name="Submissions")
    await expect(submissions).to_be_focused()
    await expect(submissions).to_have_attribute("aria-selected", "true")
    await expect(page).to_have_url(re.compile(r"#/problems/balance-scale/submissions$"))
    panel = page.get_by_role("tabpanel", name="Submissions")
    await expect(page.get_by_role("tabpanel", name="Description")).to_be_hidden()
    rows = panel.locator("[data-submission]")
    await expect(rows).to_have_count(2, timeout=30_000)
    await expect(rows.nth(0).locator(".verdict-AC")).to_be_visible()  # newest first
    await expect(rows.nth(1).locator(".verdict-WA")).to_be_visible()
    await expect(rows.nth(0)).to_contain_text("python")
    await expect(page.locator("#editor[data-editor=ready]")).to_be_visible()  # the editor stayed, with its code
    await expect(page.locator("#editor .view-lines")).to_contain_text("divmod")
    await screenshot(page, "problem-submissions")

    wrong = await rows.nth(1).get_attribute("data-submission")
    await rows.nth(1).click()
    await expect(page).to_have_url(re.compile(rf"#/problems/balance-scale/submissions/{wrong}$"))
    await expect(panel.locator("#submission-result [data-verdict=WA]")).to_be_visible()
    await expect(panel.locator("#submission-result")).to_contain_text("Expected")

    shared = await page.context.new_page()  # the address, opened elsewhere, shows the same result
    watch(shared)
    await shared.goto(page.url)
    await expect(shared.get_by_role("tab", name="Submissions")).to_have_attribute("aria-selected", "true")
    await expect(shared.locator("#submission-result [data-verdict=WA]")).to_be_visible()
    await shared.get_by_role("link", name="All submissions").click()
    await expect(shared.locator(".submission-list [data-submission]")).to_have_count(2)
    await shared.get_by_role("tab", name="Description").click()
    await expect(shared).to_have_url(re.compile(r"#/problems/balance-scale$"))
    await expect(shared.locator("h1#problem-title")).to_be_visible()
    await shared.goto(f"{base_url}#/problems/balance-scale/code")  # a phone's address, on a wide screen
    await expect(shared.get_by_role("tab", name="Description")).to_have_attribute("aria-selected", "true")
    await expect(shared.locator("h1#problem-title")).to_be_visible()
    assert page_errors(page) == []
    assert page_errors(shared) == []
    await page.context.close()


async def test_on_a_phone_the_editor_is_one_tap_away(browser: Browser, base_url: str) -> None:
    page = await new_page(browser, base_url, PHONE)
    await page.goto("/")
    await set_user(page, "e2e-phone")
    await page.goto("/#/problems/balance-point")
    await expect(page.locator("h1#problem-title")).to_be_visible()
    await expect(page.locator("#editor")).to_be_hidden()  # not below the whole statement
    await page.mouse.wheel(0, 3000)  # far down the statement, the tabs are still on the screen
    await expect(page.locator("h1#problem-title")).not_to_be_in_viewport()
    await expect(page.get_by_role("tab", name="Code")).to_be_in_viewport()
    await page.get_by_role("tab", name="Code").click()
    await expect(page.locator("#editor[data-editor=ready] .monaco-editor")).to_be_in_viewport()
    await expect(page.locator("#editor .view-lines")).to_contain_text("def balancePoint")  # drawn, not 0 px wide
    await expect(page.locator("h1#problem-title")).to_be_hidden()
    await expect(page).to_have_url(re.compile(r"#/problems/balance-point/code$"))
    for tab in ("Code", "Submissions", "Description"):
        await page.get_by_role("tab", name=tab).click()
        await expect(page.get_by_role("tab", name=tab)).to_have_attribute("aria-selected", "true")
        width = await page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"the {tab} tab is {width} px wide on a 390 px screen"
    assert page_errors(page) == []
    await page.context.close()


async def test_pages_fit_a_phone_width_screen(browser: Browser, base_url: str) -> None:
    page = await new_page(browser, base_url, PHONE)
    for path, name, ready in (
        ("/#/problems", "phone-problems", "table.problems"),
        ("/#/problems/balance-point", "phone-problem", "h1#problem-title"),
    ):
        await page.goto(path)
        await expect(page.locator(ready)).to_be_visible()
        overflow = await page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} is {overflow} px wider than a phone's screen"
        await screenshot(page, name)
    assert page_errors(page) == []
    await page.context.close()

"""Issue 16's seven bugs, each as a participant met it, at desktop (1280 by 800) and phone (390 by 844) width.

The same daemon and Chromium as tests/web/test_e2e.py (its `daemon` context, its own Redis prefix here).
Each test says which bug it covers; each failed on the client before the fix (docs/web.md, "Tested").
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import pytest
from playwright.async_api import Browser, Page, ViewportSize, expect

from judged.sandbox import Sandbox
from tests.store.redis_server import redis_url_fixture
from tests.web.test_e2e import (
    APLUSB_RIGHT,
    BALANCE_RIGHT,
    PHONE,
    SCALE_RIGHT,
    SCALE_WRONG,
    VERDICT_TIMEOUT,
    browser,
    built,
    daemon,
    goto_editor,
    new_page,
    open_code,
    page_errors,
    set_code,
    set_user,
)

__all__ = ["browser", "built", "redis_url_fixture"]

DESKTOP: ViewportSize = {"width": 1280, "height": 800}
WIDTHS = pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
# Passes both samples (1 2, -7 10), overflows on the hidden tests' sums beyond 32 bits.
APLUSB_OVERFLOW = """#include <iostream>
int main() {
    int a, b;
    std::cin >> a >> b;
    std::cout << a + b << std::endl;
}
"""
APLUSB_ZERO = "print(0)\n"
# Forty undeclared names: a compile error of a few hundred lines, as a participant's first C++ attempt may give.
APLUSB_LONG_COMPILE_ERROR = (
    "#include <iostream>\nint main() {\n"
    + "".join(f"    std::cout << undeclared_{index} << std::endl;\n" for index in range(40))
    + "}\n"
)
PYTHON_SYNTAX_ERROR = "class Solution:\n    def balancePoint(self, weights):\n        return max(\n"


@pytest.fixture(scope="module")
async def base_url(sandbox: Sandbox, jail_tmp: Path, redis_url: str, built: Path) -> AsyncIterator[str]:
    async with daemon(jail_tmp, redis_url, built, "web-bugs") as url:
        yield url


async def fits(page: Page, what: str) -> None:
    width = await page.evaluate("document.documentElement.scrollWidth")
    viewport = await page.evaluate("window.innerWidth")
    assert width <= viewport, f"{what} is {width} px wide on a {viewport} px screen"


@dataclass(frozen=True)
class Draft:
    """What a participant has in the editor."""

    problem: str
    language: str
    code: str


@pytest.fixture
async def page(browser: Browser, base_url: str, viewport: ViewportSize) -> AsyncIterator[Page]:
    """A new page at the test's width; the test done, the page must have logged no script error."""
    opened = await new_page(browser, base_url, viewport)
    yield opened
    await close_clean(opened)


async def edit(page: Page, viewport: ViewportSize, who: str, draft: Draft) -> None:
    """`page` with `draft` in the editor, as the participant `who` of this width (each width a user of its own)."""
    user = f"{who}-{viewport['width']}"
    await goto_editor(page, viewport, user=user, problem=draft.problem, language=draft.language, code=draft.code)


async def close_clean(page: Page) -> None:
    """Where every page ends: it logged no script error, and it is closed."""
    assert page_errors(page) == []
    await page.context.close()


async def post_created(base_url: str, path: str, body: dict[str, object]) -> None:
    """POST `body` to the API as an organiser would; it must be created."""
    async with aiohttp.ClientSession() as session:
        response = await session.post(f"{base_url}{path}", json=body)
        assert response.status == 201, await response.text()


async def submit_wrong_then_right(base_url: str, user: str, competition_id: str) -> dict[str, object]:
    """Balance-scale submitted in the competition, first wrong, then right; the second submission, judged."""
    done: dict[str, object] = {}
    for code in (SCALE_WRONG, SCALE_RIGHT.read_text()):
        body: dict[str, object] = {"problem": "balance-scale", "language": "python", "code": code, "user_id": user}
        done = await submit_api(base_url, {**body, "competition_id": competition_id})
    return done


async def submit_api(base_url: str, body: dict[str, object]) -> dict[str, object]:
    """Submit as another participant would, and wait for the verdict."""
    async with aiohttp.ClientSession() as session:
        response = await session.post(f"{base_url}v1/submissions", json=body)
        assert response.status == 202, await response.text()
        url = (await response.json())["url"]
        while True:
            found: dict[str, object] = await (await session.get(f"{base_url}{url.lstrip('/')}?wait=25")).json()
            if found["status"] == "finished":
                return found


async def create_competition(
    base_url: str, competition_id: str, rule: str | None = None, *, started: float = 120, hours: int = 1
) -> None:
    """A competition that started `started` seconds ago, on two problems not practised on here (a running
    competition's problems take no practice submissions)."""
    body: dict[str, object] = {
        "id": competition_id,
        "title": f"Cup {competition_id}",
        "start": time.time() - started,
        "duration": hours * 3600,
        "problems": [{"problem": "balance-scale"}, {"problem": "sign-sort"}],
    }
    if rule:
        body["rule"] = rule
    await post_created(base_url, "v1/competitions", body)


@WIDTHS
async def test_a_failed_hidden_test_keeps_the_editor_says_hidden_and_counts_every_test(
    page: Page, base_url: str, viewport: ViewportSize
) -> None:
    """Bugs 1 (the editor collapsed to 2 px), 2 (`null` three times), 3 ("3 / 4 tests"), 7 (message twice).

    Each fails on its own on the client before the fix.
    """
    await edit(page, viewport, "bugs-hidden", Draft("aplusb", "cpp", APLUSB_OVERFLOW))
    await page.locator("details.custom summary").click()  # Custom input open, as in the report
    await page.get_by_role("button", name="Submit").click()
    verdict = page.locator("#verdict [data-verdict=WA]")
    await expect(verdict).to_be_visible(timeout=VERDICT_TIMEOUT)
    await verdict.locator("details.tests summary").click()  # per-test results expanded

    height = await editor_height(page)
    assert height >= 300, f"the editor is {height} px high beside the results"

    failure = page.locator(".failure")
    await expect(failure).to_contain_text("Hidden test")
    assert "null" not in await failure.inner_text()

    submission_id = page.url  # the API's own count, beside the page's
    async with aiohttp.ClientSession() as session:
        listing = await (await session.get(f"{base_url}v1/submissions?user_id=bugs-hidden-{viewport['width']}")).json()
        found = await (await session.get(f"{base_url}v1/submissions/{listing['items'][0]['id']}")).json()
    progress = found["progress"]
    assert progress["total"] == 14, (submission_id, found)
    assert len(found["tests"]) < progress["total"], (submission_id, found)
    line = verdict.locator(".verdict-line")
    await expect(line).to_contain_text(f"{progress['passed']} / {progress['total']} tests passed")

    # Said once; on a hidden test only that it is hidden (the checker's message would quote the answer).
    messages = verdict.locator(".message")
    await expect(messages).to_have_count(1)
    assert (await messages.inner_text()).strip().endswith("(hidden test: input not shown)")
    assert "Judge" not in await verdict.inner_text()


async def editor_height(page: Page) -> float:
    box = await page.locator("#editor").bounding_box()
    assert box is not None
    return box["height"]


@WIDTHS
async def test_a_long_compile_error_keeps_the_editor_whole(page: Page, viewport: ViewportSize) -> None:
    """Bug 1, its second form: "after a compile error it shows about four lines" (the client before the fixes, at
    1280 by 800: 2 px beside this submission's compile error)."""
    await edit(page, viewport, "bugs-ce", Draft("aplusb", "cpp", APLUSB_LONG_COMPILE_ERROR))
    await page.locator("details.custom summary").click()  # custom input open, as in the report
    await page.get_by_role("button", name="Submit").click()
    await expect(page.locator("#verdict [data-verdict=CE]")).to_be_visible(timeout=VERDICT_TIMEOUT)
    await expect(page.locator("#verdict")).to_contain_text("undeclared_0")
    height = await editor_height(page)
    assert height >= 300, f"the editor is {height} px high beside the submission's compile error"
    await page.locator("#run-samples").click()
    await expect(page.locator("#results [data-run=compile_error]")).to_be_visible(timeout=VERDICT_TIMEOUT)
    height = await editor_height(page)
    assert height >= 300, f"the editor is {height} px high beside the run's compile error"


@WIDTHS
async def test_a_python_syntax_error_marks_only_the_participants_line(page: Page, viewport: ViewportSize) -> None:
    """Bug 4: the harness's own `File "<string>", line 1` was offered as "Line 1"."""
    await edit(page, viewport, "bugs-syntax", Draft("balance-point", "python", PYTHON_SYNTAX_ERROR))
    await page.get_by_role("button", name="Submit").click()
    await expect(page.locator("#verdict [data-verdict=CE]")).to_be_visible(timeout=VERDICT_TIMEOUT)
    lines = page.locator("#verdict .compile-lines button")
    await expect(lines).to_have_text(["Line 3"])
    await expect(page.locator("#verdict pre.output")).to_contain_text('File "<string>", line 1')  # still in the output


@WIDTHS
async def test_no_page_of_the_client_is_wider_than_the_screen(
    page: Page, base_url: str, viewport: ViewportSize
) -> None:
    """Bug 5: a board with rows scrolled the whole phone page sideways (screen-reader spans escaped its scroller)."""
    await create_competition(base_url, f"wide-{viewport['width']}", rule="icpc")
    user = f"bugs-wide-{viewport['width']}"
    done = await submit_wrong_then_right(base_url, user, f"wide-{viewport['width']}")
    await page.goto("/")
    await set_user(page, user)
    competition = f"/#/competitions/wide-{viewport['width']}"
    for path, ready in (
        ("/#/problems", "table.problems tbody tr"),
        ("/#/problems/balance-point", "h1#problem-title"),
        ("/#/problems/balance-point/submissions", "[role=tabpanel]:visible"),
        (f"/#/problems/balance-scale/submissions/{done['id']}", "#submission-result [data-verdict]"),
        ("/#/competitions", "ul.competitions"),
        (competition, "table.board tr.me"),
        (f"{competition}/problems/A", "h1#problem-title"),
        ("/#/problems/no-such-problem", "h1"),
        ("/#/competitions/no-such-competition", "h1"),
        ("/#/no/such/page", "h1"),
    ):
        await page.goto(path)
        await expect(page.locator(ready).first).to_be_visible()
        await fits(page, path)


@WIDTHS
async def test_error_pages_have_their_own_title_and_ways_back(page: Page, viewport: ViewportSize) -> None:
    """Bug 6: an unknown problem or competition kept the previous page's title and offered no way back or retry."""
    await page.goto("/#/problems/aplusb")
    await expect(page).to_have_title(re.compile("A Plus B"))
    for path, words in (("/#/problems/no-such-problem", "problem"), ("/#/competitions/no-such-cup", "competition")):
        await page.goto(path)
        await expect(page.get_by_role("heading", level=1)).to_have_text("Not found")
        await expect(page).to_have_title("Not found · judged")
        await expect(page.locator("main").get_by_role("alert")).to_contain_text(words)
        await expect(page.get_by_role("button", name="Try again")).to_be_visible()
        await expect(page.get_by_role("link", name="Problems").last).to_be_visible()
    await page.get_by_role("button", name="← Back").click()
    await expect(page).to_have_url(re.compile("no-such-problem$"))
    await page.get_by_role("link", name="Problems").last.click()
    await expect(page.locator("table.problems tbody tr").first).to_be_visible()
    await expect(page).to_have_title("Problems · judged")


@WIDTHS
async def test_while_the_daemon_is_away_the_page_says_so_and_runs_once_it_is_back(
    page: Page, viewport: ViewportSize
) -> None:
    """Bug 6: with the daemon down, Run showed `TypeError: Failed to fetch` and nothing recovered."""
    await edit(page, viewport, "bugs-away", Draft("aplusb", "python", APLUSB_RIGHT))
    await page.route("**/v1/**", lambda route: route.abort("connectionrefused"))  # the daemon is away
    await page.get_by_role("button", name="Run samples").click()
    banner = page.get_by_role("status").filter(has_text="cannot be reached")
    await expect(banner).to_be_visible()
    await expect(banner).to_contain_text("Trying again")
    assert "Failed to fetch" not in await page.locator("body").inner_text()
    await page.unroute("**/v1/**")  # back
    await expect(page.locator("#results table.runs .ok")).to_have_count(2, timeout=VERDICT_TIMEOUT)
    await expect(banner).to_be_hidden()


@WIDTHS
async def test_code_over_the_limit_is_refused_in_the_page_and_the_last_draft_kept(
    page: Page, viewport: ViewportSize
) -> None:
    """Bug 6: a 1 MiB paste got the server's raw 413 text, and the 1 MiB draft was stored."""
    await page.goto("/")
    config = json.loads(await (await page.request.get("/web-config.json")).text())
    assert config["limits"]["code_bytes"] == 64 * 1024  # submissions.max_code_kib, the default
    await set_user(page, f"bugs-big-{viewport['width']}")
    await page.goto("/#/problems/aplusb")
    await open_code(page, viewport)
    await page.get_by_label("Language").select_option("python")
    await set_code(page, "print(3)\n")
    await page.wait_for_timeout(500)  # the draft is saved 300 ms after the last change
    sent: list[str] = []
    page.on("request", lambda request: sent.append(request.url) if request.method == "POST" else None)
    await page.evaluate("text => navigator.clipboard.writeText(text)", "# " + "x" * (1024 * 1024) + "\n")
    await page.locator("#editor .view-lines").click()
    await page.keyboard.press("Control+A")
    await page.keyboard.press("Control+V")  # the whole draft replaced by a 1 MiB paste
    await expect(page.locator("#size-note")).to_contain_text("1.0 MiB; judged accepts up to 64 KiB")
    await page.get_by_role("button", name="Submit").click()
    await expect(page.locator("#results [role=alert]")).to_contain_text("Nothing was sent")
    await page.keyboard.press("Control+'")  # a run too
    await expect(page.locator("#results [role=alert]")).to_contain_text("judged accepts up to 64 KiB")
    assert sent == []
    draft = await page.evaluate("localStorage.getItem('judged:draft:aplusb:python')")
    assert draft == "print(3)\n"


@WIDTHS
async def test_what_a_participant_reads_is_said_once_and_plainly(
    page: Page, base_url: str, viewport: ViewportSize
) -> None:
    """Bug 7: stdin as {"stdin": ...}, run inputs as [[1,7,3]], samples twice, each a Tab stop, a 404 per refresh."""
    failed: list[str] = []
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.on("console", lambda message: failed.append(message.text) if message.type == "error" else None)
    await page.goto("/")
    await set_user(page, f"bugs-plain-{viewport['width']}")

    await page.goto("/#/problems/aplusb")
    statement = page.locator("article.statement")
    await expect(statement.get_by_text("-7 10")).to_have_count(1)  # the statement's own samples, not a copy below
    assert await page.locator("article.statement pre[tabindex]").count() == 0
    await open_code(page, viewport)
    await page.get_by_label("Language").select_option("python")
    await set_code(page, APLUSB_ZERO)
    await page.get_by_role("button", name="Submit").click()
    await expect(page.locator("#verdict [data-verdict=WA]")).to_be_visible(timeout=VERDICT_TIMEOUT)
    shown_input = page.locator(".failure .io", has=page.get_by_role("heading", name="Input", exact=True)).locator("pre")
    await expect(shown_input).to_have_text("1 2")
    messages = page.locator("#verdict .message")  # a sample's checker message: once, with its own line breaks
    await expect(messages).to_have_count(1)
    assert "\n" in (await messages.inner_text()).strip()

    await page.goto("/#/problems/balance-point")
    await open_code(page, viewport)
    await set_code(page, BALANCE_RIGHT.read_text())
    await page.get_by_role("button", name="Run samples").click()
    first = page.locator("#results table.runs tbody tr").first.locator("td").first
    await expect(first).to_have_text("weights = [1,7,3,6,5,6]", timeout=VERDICT_TIMEOUT)

    await create_competition(base_url, f"plain-{viewport['width']}")
    await page.goto(f"/#/competitions/plain-{viewport['width']}")
    await expect(page.locator("table.board")).to_contain_text("Nobody has submitted yet")
    await page.reload()
    await expect(page.locator("table.board")).to_be_visible()
    await page.wait_for_timeout(500)  # a late request of the refresh would show here
    assert failed == [], failed

"""Issue 16 beyond the bugs: LeetCode's testcase panel and keys, and the contest page (solves and attempts per
problem, the participant's own submissions, announcements arriving live, ICPC board times in minutes).

The same daemon and Chromium as tests/web/test_e2e.py (its `daemon` context, a Redis prefix of its own here).
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, Page, ViewportSize, expect

from judged.sandbox import Sandbox
from tests.store.redis_server import redis_url_fixture
from tests.web.test_e2e import (
    APLUSB_RIGHT,
    BALANCE_RIGHT,
    PHONE,
    PROJECT,
    VERDICT_TIMEOUT,
    browser,
    built,
    daemon,
    new_page,
    open_code,
    screenshot,
    set_user,
)
from tests.web.test_participant_bugs import (
    DESKTOP,
    WIDTHS,
    Draft,
    close_clean,
    create_competition,
    edit,
    fits,
    page,
    post_created,
    submit_api,
    submit_wrong_then_right,
)

__all__ = ["browser", "built", "page", "redis_url_fixture"]

MIN_STACK_RIGHT = PROJECT / "problems" / "min-stack" / "solutions" / "accepted" / "solution.py"


@pytest.fixture(scope="module")
async def base_url(sandbox: Sandbox, jail_tmp: Path, redis_url: str, built: Path) -> AsyncIterator[str]:
    async with daemon(jail_tmp, redis_url, built, "web-leetcode") as url:
        yield url


async def test_the_list_shows_each_problems_acceptance_and_sorts_by_it_and_by_title(
    browser: Browser, base_url: str
) -> None:
    """First in this module: GET /v1/acceptance is read once a minute per host, so nothing may ask before the
    submissions below are in the database."""
    right = (PROJECT / "problems" / "trim-leaves" / "solutions" / "accepted" / "solution.py").read_text()
    wrong = "class Solution:\n    def trimLeaves(self, *args):\n        return None\n"
    for user, code in (("acc-ada", wrong), ("acc-ada", right), ("acc-bob", right)):
        await submit_api(base_url, {"problem": "trim-leaves", "language": "python", "code": code, "user_id": user})
    for viewport in (DESKTOP, PHONE):
        page = await new_page(browser, base_url, viewport)
        await page.goto("/#/problems")
        rows = page.locator("table.problems tbody tr")
        row = rows.filter(has=page.get_by_role("link", name="Trim the Leaves", exact=True))
        await expect(row.locator("td.acceptance")).to_contain_text("66.7 %")
        await expect(row.locator("td.acceptance")).to_have_attribute(
            "title", "2 of 3 submissions accepted; 2 of 2 participants solved it"
        )
        await expect(rows.first).not_to_contain_text("Trim the Leaves")  # by difficulty, the server's order
        await page.get_by_label("Sort by").select_option("acceptance")
        await expect(page).to_have_url(re.compile("sort=acceptance"))
        await expect(rows.first).to_contain_text("Trim the Leaves")  # the only problem with submissions
        await page.get_by_label("Sort by").select_option("title")
        await expect(rows.first).to_contain_text("A Plus B")
        titles = await page.locator("table.problems tbody tr td:nth-child(2) a").all_inner_texts()
        assert titles == sorted(titles, key=str.casefold), titles
        await fits(page, "the problem list sorted by title")
        await close_clean(page)


async def open_testcases(page: Page) -> None:
    await page.locator("details.custom summary").click()
    await expect(page.get_by_role("tab", name="Case 1")).to_be_visible()


@WIDTHS
async def test_the_testcase_panel_has_a_tab_per_case_fields_by_name_and_runs_with_ctrl_quote(
    page: Page, viewport: ViewportSize
) -> None:
    await edit(page, viewport, "cases", Draft("balance-point", "python", BALANCE_RIGHT.read_text()))
    await open_testcases(page)
    tabs = page.locator(".case-tabs [role=tab]")
    await expect(tabs).to_have_text(["Case 1", "Case 2", "Case 3"])  # the three samples, preloaded
    weights = page.get_by_label(re.compile("^weights"))
    await expect(weights).to_have_value("[1,7,3,6,5,6]")
    await page.get_by_role("tab", name="Case 2").click()
    await expect(weights).to_have_value("[1,2,3]")

    await page.get_by_role("button", name="+ Add case").click()  # a copy of case 2, then changed
    await expect(page.get_by_role("tab", name="Case 4")).to_have_attribute("aria-selected", "true")
    await weights.fill("[5, 0, 5]")
    await page.get_by_role("tab", name="Case 1").press("End")  # arrow keys move between cases (WAI-ARIA)
    await expect(page.get_by_role("tab", name="Case 4")).to_be_focused()

    await page.keyboard.press("Control+'")
    rows = page.locator("#results table.runs tbody tr")
    await expect(rows).to_have_count(4, timeout=VERDICT_TIMEOUT)
    await expect(rows.nth(3).locator("td").first).to_have_text("weights = [5,0,5]")
    await expect(rows.nth(3).locator("td").nth(1)).to_have_text("1")  # index 1: 5 = 5
    await expect(page.locator("#results table.runs .ok")).to_have_count(4)  # beside the reference solution's
    await screenshot(page, "problem-testcases" if viewport == DESKTOP else "phone-testcases")

    await weights.fill("[5, 0")  # a case that is not JSON: said by case and name, nothing sent
    await page.get_by_role("button", name="Run testcases").click()
    await expect(page.locator("#results [role=alert]")).to_contain_text("Case 4, weights: not a JSON value")

    await page.reload()  # the cases are kept per problem
    await open_code(page, viewport)
    await open_testcases(page)
    await expect(tabs).to_have_count(4)
    await page.get_by_role("button", name="Remove case 4").click()
    await expect(tabs).to_have_count(3)
    await fits(page, "the problem page with its testcases")


@WIDTHS
async def test_each_case_of_a_run_shows_what_the_program_printed_during_it(page: Page, viewport: ViewportSize) -> None:
    """LeetCode's "Stdout" under each case's output: a print in the solution shows under the case it ran in."""
    printing = BALANCE_RIGHT.read_text().replace(
        "        right = sum(weights)\n", '        print("total", sum(weights))\n        right = sum(weights)\n'
    )
    assert printing != BALANCE_RIGHT.read_text()
    await edit(page, viewport, "stdout", Draft("balance-point", "python", printing))
    await open_testcases(page)
    await page.get_by_role("button", name="Run testcases").click()
    rows = page.locator("#results table.runs tbody tr")
    await expect(rows).to_have_count(3, timeout=VERDICT_TIMEOUT)
    for index, total in enumerate((28, 6, 2)):  # the samples' sums, each under its own case
        printed = rows.nth(index).locator(".case-stdout")
        await expect(printed).to_be_visible()
        await expect(printed.locator(".stdout-label")).to_have_text("Stdout")
        await expect(printed.locator("pre")).to_have_text(f"total {total}")
    await expect(page.locator("#results")).not_to_contain_text("judged-case")  # no marker shown
    await expect(page.locator("#results")).not_to_contain_text("every case")  # not the whole run's again
    await fits(page, "a run's per-case prints")


@WIDTHS
async def test_a_design_problem_takes_leetcodes_two_lists(page: Page, viewport: ViewportSize) -> None:
    await edit(page, viewport, "design", Draft("min-stack", "python", MIN_STACK_RIGHT.read_text()))
    await open_testcases(page)
    operations = page.get_by_label(re.compile("^operations"))
    arguments = page.get_by_label(re.compile("^arguments"))
    await expect(operations).to_have_value(re.compile(r'^\["MinStack","push"'))
    await operations.fill('["MinStack", "push", "push", "getMin", "pop", "top"]')
    await arguments.fill("[[], [4], [2], [], [], []]")
    await page.get_by_role("button", name="Run testcases").click()
    row = page.locator("#results table.runs tbody tr").first
    await expect(row.locator("td").nth(1)).to_have_text("[null,null,null,2,null,4]", timeout=VERDICT_TIMEOUT)
    await expect(row.locator("td").first).to_contain_text(
        'operations = ["MinStack","push","push","getMin","pop","top"]'
    )

    await operations.fill('["MinStack", "peek"]')  # no such method: judged's own words
    await arguments.fill("[[], []]")
    await page.get_by_role("button", name="Run testcases").click()
    await expect(page.locator("#results [role=alert]")).to_contain_text("'peek' is no method of MinStack")


@WIDTHS
async def test_ctrl_enter_submits_from_the_editor(page: Page, viewport: ViewportSize) -> None:
    await edit(page, viewport, "keys", Draft("aplusb", "python", APLUSB_RIGHT))
    await page.keyboard.press("Control+Enter")  # the focus is in the editor, where Enter would insert a line
    await expect(page.locator("#verdict [data-verdict=AC]")).to_be_visible(timeout=VERDICT_TIMEOUT)
    draft = await page.evaluate("localStorage.getItem('judged:draft:aplusb:python')")
    assert draft == APLUSB_RIGHT  # Monaco's Ctrl+Enter added no line


async def announce(base_url: str, competition_id: str, text: str) -> None:
    await post_created(base_url, f"v1/competitions/{competition_id}/announcements", {"text": text})


@WIDTHS
async def test_the_contest_page_shows_counts_own_submissions_minutes_and_live_announcements(
    page: Page, base_url: str, viewport: ViewportSize
) -> None:
    cup = f"icpc-{viewport['width']}"
    await create_competition(base_url, cup, "icpc", started=47 * 60 + 30, hours=3)  # a submission now: minute 47
    user = f"contestant-{viewport['width']}"
    await submit_wrong_then_right(base_url, user, cup)
    await announce(base_url, cup, "Welcome.\nProblem A's limits are as stated.")

    await page.goto("/")
    await set_user(page, user)
    await page.goto(f"/#/competitions/{cup}")
    panel = page.get_by_role("region", name=re.compile("^Announcements"))
    await expect(panel.locator(".announcement")).to_have_count(1)
    await expect(panel.locator(".announcement p")).to_have_text("Welcome.\nProblem A's limits are as stated.")

    counts = page.locator(".competition-problems td.counts")
    await expect(counts.first).to_contain_text("1 / 1")  # solved by one participant of one who tried
    await expect(counts.first).to_have_attribute("title", "1 solved, 1 tried, 2 submissions")
    await expect(counts.nth(1)).to_contain_text("0 / 0")

    mine = page.get_by_role("region", name="Your submissions")
    await expect(mine.locator("li")).to_have_count(2)
    await expect(mine.locator("li").first).to_contain_text("AC")

    own = page.locator("table.board tr.me td.cell").first
    await expect(own).to_contain_text(re.compile(r"✓ 4[7-9] · 2 tries"))  # the minute, as ICPC boards show it
    await expect(page.locator("table.board thead")).to_contain_text("Penalty (min)")

    await announce(base_url, cup, "Ten minutes left.")  # arrives while the page is open, no reload
    await expect(panel.locator(".announcement")).to_have_count(2, timeout=60_000)
    await expect(panel.locator(".announcement p").first).to_have_text("Ten minutes left.")
    await screenshot(page, "contest-page" if viewport == DESKTOP else "phone-contest-page")

    await mine.locator("a").first.click()  # a submission opens its full result under its problem
    await expect(page.locator("#submission-result [data-verdict=AC]")).to_be_visible()
    if viewport != DESKTOP:
        await fits(page, "a competition submission")

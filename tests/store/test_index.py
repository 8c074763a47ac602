"""The SQLite problem index, on a real database file and real problem folders copied from problems/."""

from __future__ import annotations

import asyncio
import re
import shutil
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path

import pytest

from judged.harness import LANGUAGE_IDS, Signature, stub
from judged.problems import Difficulty
from judged.store.index import IndexedProblem, InvalidCursor, ProblemIndex, ProblemSummary, encode_cursor
from tests.bundled import BUNDLED, copy_bundled

BUNDLED_SLUGS = sorted(
    path.name for path in BUNDLED.iterdir() if path.is_dir() and not path.name.startswith((".", "_"))
)
N = len(BUNDLED_SLUGS)
RANK = {"easy": 0, "medium": 1, "hard": 2}


@pytest.fixture
def root(tmp_path: Path) -> Path:
    """A copy of every bundled problem folder."""
    return copy_bundled(tmp_path / "problems", BUNDLED_SLUGS)


@pytest.fixture
async def index(tmp_path: Path) -> AsyncIterator[ProblemIndex]:
    index = ProblemIndex(tmp_path / "index.sqlite3")
    await index.open()
    yield index
    await index.close()


def set_title(folder: Path, title: str) -> None:
    config = folder / "problem.toml"
    text = re.sub(r'(?m)^title = ".*"$', f'title = "{title}"', config.read_text())
    config.write_text(text)


def copy_as(root: Path, source: str, slug: str, title: str) -> Path:
    folder = root / slug
    shutil.copytree(BUNDLED / source, folder)
    set_title(folder, title)
    return folder


async def all_pages(index: ProblemIndex, limit: int, **filters: str) -> list[ProblemSummary]:
    items: list[ProblemSummary] = []
    cursor: str | None = None
    while True:
        page = await index.page(limit, cursor, **filters)
        items.extend(page.items)
        cursor = page.next_cursor
        if cursor is None:
            return items


def expected_order(index_items: list[ProblemSummary]) -> list[str]:
    return [item.slug for item in sorted(index_items, key=lambda item: (RANK[item.difficulty], item.slug))]


async def eventually(condition: Callable[[], Awaitable[bool]], timeout: float = 30.0) -> None:
    async with asyncio.timeout(timeout):
        while not await condition():
            await asyncio.sleep(0.05)


async def test_sync_indexes_every_bundled_problem(index: ProblemIndex, root: Path) -> None:
    report = await index.sync([root])
    assert (report.added, report.updated, report.removed, report.broken) == (len(BUNDLED_SLUGS), 0, 0, 0)
    assert len(BUNDLED_SLUGS) >= 13  # twelve function problems and at least one Kattis package
    assert report.diagnostics == {}
    page = await index.page(100)
    assert page.total == N
    assert sorted(item.slug for item in page.items) == BUNDLED_SLUGS
    again = await index.sync([root])
    assert (again.added, again.updated, again.removed, again.unchanged, again.broken) == (0, 0, 0, N, 0)


async def test_get_has_what_a_problem_page_needs(index: ProblemIndex, root: Path) -> None:
    await index.sync([root])
    problem = await index.get("balance-point")
    assert isinstance(problem, IndexedProblem)
    assert problem.title == "Balance Point"
    assert problem.difficulty is Difficulty.EASY
    assert problem.kind == "function"
    assert problem.tags == ("array", "prefix-sum")
    assert (problem.time_limit, problem.memory_limit) == (3.0, 256)
    assert problem.languages == LANGUAGE_IDS
    assert "porter" in problem.statement
    assert problem.samples[0].input == {"weights": [1, 7, 3, 6, 5, 6]}
    assert problem.samples[0].output == 3
    assert problem.source == root / "balance-point"
    assert isinstance(problem.signature, Signature)
    assert "balancePoint" in stub(problem.signature, "python")
    assert await index.get("no-such-problem") is None


async def test_a_broken_folder_is_reported_and_the_rest_indexed(index: ProblemIndex, root: Path) -> None:
    (root / "garbled").mkdir()
    (root / "garbled" / "problem.toml").write_text("title = [unterminated\n")
    no_statement = copy_as(root, "balance-point", "no-statement", "No Statement")
    (no_statement / "statement.md").unlink()
    report = await index.sync([root])
    assert report.added == N
    assert report.broken == 2
    assert set(report.diagnostics) == {root / "garbled", no_statement}
    assert any("statement.md" in message for message in report.diagnostics[no_statement])
    assert await index.get("no-statement") is None
    assert (await index.page(100)).total == N
    again = await index.sync([root])  # still broken, not parsed again, still reported
    assert (again.unchanged, again.broken) == (N, 2)
    assert set(again.diagnostics) == {root / "garbled", no_statement}
    shutil.copy(BUNDLED / "balance-point" / "statement.md", no_statement / "statement.md")
    fixed = await index.sync([root])
    assert (fixed.added, fixed.broken) == (1, 1)
    assert (await index.get("no-statement")) is not None


async def test_a_problem_that_breaks_leaves_the_index(index: ProblemIndex, root: Path) -> None:
    await index.sync([root])
    (root / "rotate-grid" / "statement.md").write_text("   \n")
    report = await index.sync([root])
    assert (report.broken, report.removed, report.unchanged) == (1, 0, N - 1)
    assert await index.get("rotate-grid") is None


async def test_an_edited_problem_is_updated_and_the_others_unchanged(index: ProblemIndex, root: Path) -> None:
    await index.sync([root])
    set_title(root / "sign-sort", "Sorting By Sign, Retitled")
    report = await index.sync([root])
    assert (report.added, report.updated, report.removed, report.unchanged, report.broken) == (0, 1, 0, N - 1, 0)
    problem = await index.get("sign-sort")
    assert problem is not None
    assert problem.title == "Sorting By Sign, Retitled"
    found = await index.page(10, q="retitled")
    assert [item.slug for item in found.items] == ["sign-sort"]


async def test_a_deleted_folder_is_removed(index: ProblemIndex, root: Path) -> None:
    await index.sync([root])
    shutil.rmtree(root / "level-sums")
    report = await index.sync([root])
    assert (report.removed, report.unchanged) == (1, N - 1)
    assert await index.get("level-sums") is None
    assert (await index.page(100)).total == N - 1
    assert "level-sums" not in {item.slug for item in (await index.page(100, q="level")).items}


async def test_an_earlier_root_wins_a_slug(index: ProblemIndex, root: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    copy_as(other, "balance-point", "balance-point", "Shadowed")
    report = await index.sync([root, other])
    assert report.broken == 1
    assert list(report.diagnostics) == [other / "balance-point"]
    problem = await index.get("balance-point")
    assert problem is not None
    assert problem.title == "Balance Point"


async def test_a_missing_root_is_reported(index: ProblemIndex, tmp_path: Path) -> None:
    report = await index.sync([tmp_path / "nowhere"])
    assert report.added == 0
    assert list(report.diagnostics) == [tmp_path / "nowhere"]


async def test_paging_visits_every_problem_once_in_order(index: ProblemIndex, root: Path) -> None:
    await index.sync([root])
    first = await index.page(5)
    assert first.total == N
    assert len(first.items) == 5
    items = await all_pages(index, 5)
    slugs = [item.slug for item in items]
    assert sorted(slugs) == BUNDLED_SLUGS
    assert slugs == expected_order(items)
    last = await index.page(N)
    assert last.next_cursor is None


async def test_a_cursor_stays_valid_when_problems_are_added(index: ProblemIndex, root: Path) -> None:
    await index.sync([root])
    first = await index.page(5)
    assert first.next_cursor is not None
    assert first.items[-1].difficulty is Difficulty.EASY
    copy_as(root, "balance-point", "aaa-before", "Before The Cursor")  # easy, sorts before every seen slug
    copy_as(root, "balance-point", "zzz-after", "After The Cursor")  # easy, sorts after every easy slug
    assert (await index.sync([root])).added == 2
    items = list(first.items)
    cursor: str | None = first.next_cursor
    while cursor is not None:
        page = await index.page(5, cursor)
        assert page.total == N + 2
        items.extend(page.items)
        cursor = page.next_cursor
    slugs = [item.slug for item in items]
    assert len(slugs) == len(set(slugs)) == N + 1  # every original once, and the one added after the cursor
    assert set(slugs) == {*BUNDLED_SLUGS, "zzz-after"}
    assert slugs == expected_order(items)


async def test_difficulty_and_tag_filters(index: ProblemIndex, root: Path) -> None:
    await index.sync([root])
    everything = (await index.page(100)).items
    for difficulty in Difficulty:
        expected = [item.slug for item in everything if item.difficulty is difficulty]
        page = await index.page(100, difficulty=difficulty.value)
        assert page.total == len(expected)
        assert [item.slug for item in page.items] == expected
    tags = {tag for item in everything for tag in item.tags}
    assert tags
    for tag in tags:
        expected = [item.slug for item in everything if tag in item.tags]
        paged = await all_pages(index, 2, tag=tag)
        assert [item.slug for item in paged] == expected
        assert (await index.page(1, tag=tag)).total == len(expected)
    both = await index.page(100, difficulty="easy", tag="array")
    assert both.total == len([i for i in everything if i.difficulty is Difficulty.EASY and "array" in i.tags])
    assert (await index.page(100, tag="no-such-tag")).total == 0
    with pytest.raises(ValueError, match="difficulty"):
        await index.page(10, difficulty="impossible")


async def test_q_searches_titles_and_statements(index: ProblemIndex, root: Path) -> None:
    await index.sync([root])
    by_statement = await index.page(10, q="porter")  # a word only balance-point's statement has
    assert [item.slug for item in by_statement.items] == ["balance-point"]
    assert by_statement.total == 1
    by_title = await index.page(10, q="Balance")
    assert {"balance-point", "balance-scale"} <= {item.slug for item in by_title.items}
    assert (await index.page(10, q="PORTER pole")).total == 1  # every word must occur, any case
    assert (await index.page(10, q="porter xyzzyplugh")).total == 0
    assert (await index.page(10, q="port")).total >= 1  # a word's prefix


HOSTILE_Q = [
    '"',
    "*",
    "OR",
    "AND",
    "NOT",
    "'; DROP TABLE problems; --",
    "NEAR(",
    "title:porter",
    "a OR",
    "^",
    "(",
    "-",
    "",
]


async def test_hostile_q_does_not_error(index: ProblemIndex, root: Path) -> None:
    await index.sync([root])
    for q in HOSTILE_Q:
        page = await index.page(10, q=q)
        assert len(page.items) == min(page.total, 10), q
    assert [item.slug for item in (await index.page(10, q='"porter" (*')).items] == ["balance-point"]
    assert (await index.page(100)).total == N


@pytest.mark.parametrize(
    "cursor", ["garbage!", "", "%%%", "bm90IGpzb24", encode_cursor(0, "x")[:-3] + "!!!", "WzksImEiXQ", "W10"]
)
async def test_a_malformed_cursor_is_a_value_error(index: ProblemIndex, cursor: str) -> None:
    with pytest.raises(ValueError, match="cursor"):
        await index.page(5, cursor)


async def test_a_malformed_cursor_is_an_invalid_cursor(index: ProblemIndex) -> None:
    with pytest.raises(InvalidCursor):
        await index.page(5, "ünïcode")


@pytest.mark.parametrize("limit", [0, -1, 101])
async def test_limit_out_of_range(index: ProblemIndex, limit: int) -> None:
    with pytest.raises(ValueError, match="limit"):
        await index.page(limit)


async def test_the_index_survives_a_reopen(tmp_path: Path, root: Path) -> None:
    index = ProblemIndex(tmp_path / "reopen.sqlite3")
    await index.open()
    await index.sync([root])
    await index.close()
    await index.open()
    try:
        assert (await index.page(1)).total == N
        report = await index.sync([root])
        assert report.unchanged == N
    finally:
        await index.close()


async def test_watch_picks_up_new_and_edited_folders(index: ProblemIndex, root: Path) -> None:
    watcher = asyncio.create_task(index.watch([root], interval=0.05))
    try:

        async def has(slug: str, title: str) -> bool:
            problem = await index.get(slug)
            return problem is not None and problem.title == title

        await eventually(lambda: has("balance-point", "Balance Point"))
        copy_as(root, "balance-point", "fresh-problem", "Freshly Added")
        await eventually(lambda: has("fresh-problem", "Freshly Added"))
        set_title(root / "fresh-problem", "Freshly Edited, Longer")
        await eventually(lambda: has("fresh-problem", "Freshly Edited, Longer"))
        shutil.rmtree(root / "fresh-problem")

        async def gone() -> bool:
            return await index.get("fresh-problem") is None

        await eventually(gone)
    finally:
        watcher.cancel()
        with pytest.raises(asyncio.CancelledError):
            await watcher


async def test_a_package_folder_that_is_not_a_slug_is_indexed_under_one(index: ProblemIndex, tmp_path: Path) -> None:
    root = tmp_path / "packages"
    root.mkdir()
    shutil.copytree(Path(__file__).resolve().parents[1] / "judging" / "packages" / "aplusb", root / "A_Plus_B")
    first = await index.sync([root])
    again = await index.sync([root])
    assert (first.added, again.unchanged, again.updated) == (1, 1, 0)
    assert (await index.get("a-plus-b")) is not None

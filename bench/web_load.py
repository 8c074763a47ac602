"""The web client's problem page on loopback: time to first render and to an editable editor; prints a table.

    .venv/bin/python bench/web_load.py [--problem balance-point] [--runs 10] [--chromium /usr/bin/chromium]

It starts `judged serve` (embedded Redis, a fresh state folder) serving the built client
(web/dist: `cd web && npm ci && npm run build`), then opens `/#/problems/<problem>` in
Debian's headless Chromium through Playwright, `--runs` times each way:

  cold    a fresh browser context each time: nothing cached, every file fetched
  warm    a reload in the same context: index.html revalidated, the hashed assets from cache

and reports, from the navigation's start (the page's own clock, `performance.now()`):

  render  the statement is on screen (the client's `judged:statement` mark, set once the
          problem is drawn; the editor is not loaded yet)
  editor  Monaco is created and takes keystrokes (the `judged:editor` mark; the test checks
          it by typing into it once per run)
  fcp     the browser's first contentful paint, for reference (the "Loading…" text)

Goals (docs/benchmarks.md): render under 1 s and editor under 2 s, cold, on loopback.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
from pathlib import Path

from playwright.async_api import Browser, BrowserContext, Page, async_playwright
from serving import judged_serve, state_folder  # bench/serving.py, beside this script

ROOT = Path(__file__).resolve().parents[1]
PORT = 8732
MARKS = "Object.fromEntries(performance.getEntriesByType('mark').map(m => [m.name, m.startTime]))"
FCP = "(performance.getEntriesByName('first-contentful-paint')[0] || {startTime: NaN}).startTime"


async def measure(page: Page, url: str | None) -> tuple[float, float, float]:
    """(render, editor, fcp) in ms for one load of `url` (None: reload)."""
    if url is None:
        await page.reload()
    else:
        await page.goto(url)
    await page.wait_for_function("performance.getEntriesByName('judged:editor').length > 0", timeout=30_000)
    await page.locator("#editor .view-lines").click()
    await page.keyboard.type("x")  # editable: the keystroke lands in the model
    await page.wait_for_function("document.querySelector('#editor .view-lines').textContent.includes('x')")
    marks = await page.evaluate(MARKS)
    return float(marks["judged:statement"]), float(marks["judged:editor"]), float(await page.evaluate(FCP))


async def fresh(browser: Browser, base: str) -> tuple[BrowserContext, Page]:
    # bypass_csp: the measuring probes (wait_for_function) are evaluated strings, which the page's CSP forbids.
    context = await browser.new_context(viewport={"width": 1280, "height": 900}, base_url=base, bypass_csp=True)
    # A draft from an earlier run would be the same for every run; clear it so each starts from the stub.
    await context.add_init_script("localStorage.clear()")
    return context, await context.new_page()


def row(name: str, values: list[tuple[float, float, float]]) -> str:
    columns = []
    for index in range(3):
        series = sorted(value[index] for value in values)
        columns.append(f"{statistics.median(series):>8.0f} {series[-1]:>8.0f}")
    return f"{name:<6} {len(values):>4} " + " ".join(columns)


async def run(base: str, problem: str, runs: int, chromium: str) -> None:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=chromium, args=["--no-sandbox"])
        url = f"/#/problems/{problem}"
        context, page = await fresh(browser, base)
        await measure(page, url)  # the daemon's first answers (index, problem page) warm its caches
        await context.close()
        cold: list[tuple[float, float, float]] = []
        warm: list[tuple[float, float, float]] = []
        for _ in range(runs):
            context, page = await fresh(browser, base)
            cold.append(await measure(page, url))
            warm.append(await measure(page, None))
            await context.close()
        await browser.close()
    names = ("render50", "render^", "editor50", "editor^", "fcp50", "fcp^")
    print(f"{'load':<6} {'runs':>4} " + " ".join(f"{name:>8}" for name in names))
    print(row("cold", cold))
    print(row("warm", warm))
    print("ms from navigation start; 50: median, ^: worst of the runs")


def bundle_sizes() -> str:
    assets = ROOT / "web" / "dist" / "assets"
    plain = sum(path.stat().st_size for path in assets.iterdir() if path.suffix in (".js", ".css", ".ttf"))
    brotli = sum(path.stat().st_size for path in assets.glob("*.br"))
    editor = sum(path.stat().st_size for path in assets.glob("editor-*.js"))
    sizes = f"assets {plain / 1e6:.2f} MB ({brotli / 1e6:.2f} MB as brotli)"
    return f"{sizes}, of which the lazy editor chunk {editor / 1e6:.2f} MB"


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--problem", default="balance-point")
    parser.add_argument("--runs", type=int, default=10)
    parser.add_argument("--chromium", default="/usr/bin/chromium")
    args = parser.parse_args()
    if not (ROOT / "web" / "dist" / "index.html").is_file():
        sys.exit("web/dist is not built: cd web && npm ci && npm run build")
    async with judged_serve(state_folder("judged-bench-web-"), PORT) as base:
        print(f"judged serve on {base}, problem {args.problem}, {len(os.sched_getaffinity(0))} cores; {bundle_sizes()}")
        await run(base, args.problem, args.runs, args.chromium)


if __name__ == "__main__":
    asyncio.run(main())

// The problem list: GET /v1/problems, paged by cursor, filtered by difficulty and tag, searched by title;
// each problem's acceptance (GET /v1/acceptance); sorted by difficulty (the server's order), title or acceptance.
import { get, query, userId, type AcceptancePage, type ProblemAcceptance, type ProblemListPage } from "./api";
import { clear, h } from "./dom";
import { navigate } from "./router";

const PAGE_SIZE = 20;
const FETCH_SIZE = 100; // the API's largest page: sorting other than by difficulty reads every matching problem
const SORTS: Record<string, string> = { "": "Difficulty", title: "Title", acceptance: "Acceptance" };

type Item = ProblemListPage["items"][number];

/** Every problem matching the filters, page by page (the API pages by difficulty then id). */
async function everyProblem(params: Record<string, string>, signal: AbortSignal): Promise<Item[]> {
  const found: Item[] = [];
  let cursor = "";
  do {
    const page = await get<ProblemListPage>(`/v1/problems${query({ ...params, limit: FETCH_SIZE, cursor })}`, signal);
    found.push(...page.items);
    cursor = page.next_cursor ?? "";
  } while (cursor);
  return found;
}

function rate(found: ProblemAcceptance | undefined): number {
  return found && found.submissions ? found.accepted / found.submissions : -1;
}

function acceptanceCell(found: ProblemAcceptance | undefined): HTMLElement {
  if (!found || !found.submissions) return h("td", { class: "acceptance muted", title: "No submission yet" }, "–");
  const percent = `${((100 * found.accepted) / found.submissions).toFixed(1)} %`;
  const said = `${found.accepted} of ${found.submissions} submissions accepted; ${found.solvers} of ${found.tried} participants solved it`;
  return h("td", { class: "acceptance", title: said }, percent, h("span", { class: "sr-only" }, `: ${said}`));
}
const seenTags = new Set<string>();

export async function listPage(main: HTMLElement, params: URLSearchParams, signal: AbortSignal): Promise<void> {
  const q = params.get("q") ?? "";
  const difficulty = params.get("difficulty") ?? "";
  const tag = params.get("tag") ?? "";
  const cursor = params.get("cursor") ?? "";
  const sort = params.get("sort") ?? "";
  const page = Number(params.get("page") ?? "1") || 1;
  document.title = "Problems · judged";
  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams({ q, difficulty, tag, sort, ...changes });
    for (const [key, value] of [...next]) if (!value) next.delete(key);
    navigate(`#/problems${next.toString() ? `?${next}` : ""}`);
  };
  const search = h("input", { type: "search", id: "q", name: "q", value: q, placeholder: "Title…", autocomplete: "off" });
  const level = h(
    "select",
    { id: "difficulty", name: "difficulty" },
    ["", "easy", "medium", "hard"].map((value) => h("option", { value, selected: value === difficulty }, value || "Any")),
  );
  const tagInput = h("input", { type: "text", id: "tag", name: "tag", value: tag, list: "tags", autocomplete: "off" });
  const order = h(
    "select",
    { id: "sort", name: "sort" },
    Object.entries(SORTS).map(([value, name]) => h("option", { value, selected: value === sort }, name)),
  );
  order.addEventListener("change", () => go({ sort: order.value, cursor: "", page: "" }));
  const form = h(
    "form",
    {
      class: "filters",
      role: "search",
      onsubmit: (event: Event) => {
        event.preventDefault();
        go({ q: search.value.trim(), difficulty: level.value, tag: tagInput.value.trim() });
      },
    },
    h("div", { class: "field" }, h("label", { for: "q" }, "Search"), search),
    h("div", { class: "field" }, h("label", { for: "difficulty" }, "Difficulty"), level),
    h("div", { class: "field" }, h("label", { for: "tag" }, "Tag"), tagInput, h("datalist", { id: "tags" }, [...seenTags].sort().map((t) => h("option", { value: t })))),
    h("div", { class: "field" }, h("label", { for: "sort" }, "Sort by"), order),
    h("button", { type: "submit" }, "Filter"),
    q || difficulty || tag ? h("a", { href: "#/problems", class: "button secondary" }, "Clear") : null,
  );
  level.addEventListener("change", () => form.requestSubmit());
  const results = h("div", { "aria-live": "polite", "aria-busy": "true" }, h("p", {}, "Loading problems…"));
  clear(main, h("h1", {}, "Problems"), form, results);
  // The cursor of each page seen, so that "Previous" works however the page was reached.
  const cursorsKey = `judged:cursors:${q}|${difficulty}|${tag}`;
  const cursors = JSON.parse(sessionStorage.getItem(cursorsKey) ?? "[]") as string[];
  cursors[page - 1] = cursor;
  sessionStorage.setItem(cursorsKey, JSON.stringify(cursors));
  // With a user id, each problem comes with that user's standing (solved, attempted), never cached.
  const user = userId();
  const acceptance = get<AcceptancePage>("/v1/acceptance", signal)
    .then((page) => new Map(page.items.map((item) => [item.problem, item])))
    .catch(() => null); // a judged without a submissions database: no column
  let body: ProblemListPage;
  if (sort) {
    // Sorted by the page: every matching problem is read (pages of 100), then shown PAGE_SIZE at a time.
    const all = await everyProblem({ q, difficulty, tag, user_id: user }, signal);
    const rates = (await acceptance) ?? new Map<string, ProblemAcceptance>();
    const byTitle = (a: Item, b: Item) => a.title.localeCompare(b.title) || a.slug.localeCompare(b.slug);
    all.sort(sort === "title" ? byTitle : (a, b) => rate(rates.get(b.slug)) - rate(rates.get(a.slug)) || byTitle(a, b));
    const start = (page - 1) * PAGE_SIZE;
    const more = start + PAGE_SIZE < all.length;
    body = { items: all.slice(start, start + PAGE_SIZE), next_cursor: more ? "sorted" : null, total: all.length };
  } else {
    body = await get<ProblemListPage>(`/v1/problems${query({ limit: PAGE_SIZE, q, difficulty, tag, cursor, user_id: user })}`, signal);
  }
  const rates = await acceptance;
  for (const item of body.items) for (const t of item.tags) seenTags.add(t);
  results.setAttribute("aria-busy", "false");
  const first = (page - 1) * PAGE_SIZE + 1;
  const summary = body.total
    ? `${first}–${first + body.items.length - 1} of ${body.total} problem${body.total === 1 ? "" : "s"}`
    : "No problem matches.";
  clear(
    results,
    h("p", { class: "count" }, summary),
    body.items.length
      ? h(
          "div",
          { class: "table-wrap" },
          h(
            "table",
            { class: "problems" },
            h("caption", { class: "sr-only" }, "Problems"),
            h(
              "thead",
              {},
              h("tr", {}, h("th", { scope: "col" }, h("span", { class: "sr-only" }, "Status")), h("th", { scope: "col" }, "Title"), h("th", { scope: "col" }, "Difficulty"), rates ? h("th", { scope: "col" }, "Acceptance") : null, h("th", { scope: "col" }, "Tags")),
            ),
            h(
              "tbody",
              {},
              body.items.map((item) =>
                h(
                  "tr",
                  {},
                  h("td", { class: "standing" }, mark(item.status ?? null, item.last_verdict ?? null)),
                  h("td", {}, h("a", { href: `#/problems/${encodeURIComponent(item.slug)}` }, item.title)),
                  h("td", {}, h("span", { class: `difficulty difficulty-${item.difficulty}` }, item.difficulty)),
                  rates ? acceptanceCell(rates.get(item.slug)) : null,
                  h(
                    "td",
                    { class: "tags" },
                    item.tags.map((t) =>
                      h("button", { type: "button", class: "tag", "aria-label": `Filter by tag ${t}`, onclick: () => go({ tag: t }) }, t),
                    ),
                  ),
                ),
              ),
            ),
          ),
        )
      : null,
    h(
      "nav",
      { class: "pager", "aria-label": "Pages" },
      page > 1
        ? h("button", { type: "button", class: "secondary", onclick: () => go(sort ? { page: page > 2 ? String(page - 1) : "" } : { cursor: cursors[page - 2] ?? "", page: page > 2 && cursors[page - 2] ? String(page - 1) : "" }) }, "← Previous")
        : null,
      body.next_cursor
        ? h("button", { type: "button", onclick: () => go(sort ? { page: String(page + 1) } : { cursor: body.next_cursor ?? "", page: String(page + 1) }) }, "Next →")
        : null,
    ),
  );
}

/** Solved (✓) or attempted (•, with the last verdict) by this user; nothing when never tried. */
function mark(status: "solved" | "attempted" | null, last: string | null): HTMLElement | null {
  if (status === "solved") return h("span", { class: "solved", title: "Solved", "data-status": "solved" }, "✓", h("span", { class: "sr-only" }, " solved"));
  if (status === "attempted")
    return h("span", { class: "attempted", title: `Attempted (last: ${last ?? "?"})`, "data-status": "attempted" }, "•", h("span", { class: "sr-only" }, " attempted"));
  return null;
}

// The problem list: GET /v1/problems, paged by cursor, filtered by difficulty and tag, searched by title.
import { get, query, userId, type ProblemListPage } from "./api";
import { clear, h } from "./dom";
import { navigate } from "./router";

const PAGE_SIZE = 20;
const seenTags = new Set<string>();

export async function listPage(main: HTMLElement, params: URLSearchParams, signal: AbortSignal): Promise<void> {
  const q = params.get("q") ?? "";
  const difficulty = params.get("difficulty") ?? "";
  const tag = params.get("tag") ?? "";
  const cursor = params.get("cursor") ?? "";
  const page = Number(params.get("page") ?? "1") || 1;
  document.title = "Problems · judged";
  const go = (changes: Record<string, string>) => {
    const next = new URLSearchParams({ q, difficulty, tag, ...changes });
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
  const body = await get<ProblemListPage>(`/v1/problems${query({ limit: PAGE_SIZE, q, difficulty, tag, cursor, user_id: user })}`, signal);
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
              h("tr", {}, h("th", { scope: "col" }, h("span", { class: "sr-only" }, "Status")), h("th", { scope: "col" }, "Title"), h("th", { scope: "col" }, "Difficulty"), h("th", { scope: "col" }, "Tags")),
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
        ? h("button", { type: "button", class: "secondary", onclick: () => go({ cursor: cursors[page - 2] ?? "", page: page > 2 && cursors[page - 2] ? String(page - 1) : "" }) }, "← Previous")
        : null,
      body.next_cursor
        ? h("button", { type: "button", onclick: () => go({ cursor: body.next_cursor ?? "", page: String(page + 1) }) }, "Next →")
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

// The competitions page: GET /v1/competitions?state=..., running first, then scheduled, then past ones.
import { get, query, type CompetitionListing, type CompetitionPage } from "./api";
import { clear, clock, h } from "./dom";

const SECTIONS: { state: "running" | "scheduled" | "ended"; title: string; empty: string }[] = [
  { state: "running", title: "Running", empty: "No competition is running." },
  { state: "scheduled", title: "Scheduled", empty: "None scheduled." },
  { state: "ended", title: "Past", empty: "None yet." },
];

export async function competitionsPage(main: HTMLElement, _params: URLSearchParams, signal: AbortSignal): Promise<void> {
  document.title = "Competitions · judged";
  const sections = SECTIONS.map(({ state, title }) =>
    h("section", { "aria-labelledby": `competitions-${state}` }, h("h2", { id: `competitions-${state}` }, title), h("p", {}, "Loading…")),
  );
  clear(main, h("h1", {}, "Competitions"), ...sections);
  const pages = await Promise.all(SECTIONS.map(({ state }) => get<CompetitionPage>(`/v1/competitions${query({ state, limit: 50 })}`, signal)));
  SECTIONS.forEach(({ title, state, empty }, index) => {
    const items = pages[index].items;
    clear(
      sections[index],
      h("h2", { id: `competitions-${state}` }, title),
      items.length ? h("ul", { class: "competitions", "data-state": state }, items.map(listing)) : h("p", { class: "muted" }, empty),
    );
  });
}

function listing(competition: CompetitionListing): HTMLElement {
  const start = new Date(competition.start * 1000);
  return h(
    "li",
    {},
    h("a", { href: `#/competitions/${encodeURIComponent(competition.id)}` }, competition.title),
    ` · ${start.toLocaleString()} · ${clock(competition.duration)} · ${competition.problems} problem${competition.problems === 1 ? "" : "s"}`,
    competition.state === "frozen" ? " · frozen" : competition.state === "finalized" ? " · final" : "",
  );
}

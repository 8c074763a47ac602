// The participant's own submissions in a competition (GET /v1/submissions?user_id=&competition_id=), newest
// first, each opening its full result under its problem's Submissions tab.
import { ApiError, get, query, type Competition, type HistoryPage, type HistoryItem } from "./api";
import { clear, clock, h, verdictBadge } from "./dom";

const SHOWN = 20;
/** How often the list is read again while the page stays open (it reads the submissions database, so not with
 *  every board event): a page opened anew reads it at once. */
const REREAD = 30_000;

export class OwnSubmissions {
  readonly element: HTMLElement;
  private readonly body: HTMLElement;
  private served = true;
  private read: { user: string; at: number; count: number | null } | null = null;

  constructor(
    private readonly competition: Competition,
    private readonly signal: AbortSignal,
  ) {
    this.body = h("div", { class: "mine" }, h("p", { class: "muted" }, "Type your user id at the top of the page to see your submissions."));
    this.element = h("section", { class: "own-submissions", "aria-labelledby": "mine-title" }, h("h2", { id: "mine-title" }, "Your submissions"), this.body);
  }

  /**
   * Draw this participant's submissions; the number the history holds, or null when this judged keeps no
   * history (no submissions database): then whether the participant has submitted is not known here.
   */
  async refresh(user: string): Promise<number | null> {
    if (!user || !this.served) return null;
    const last = this.read;
    if (last && last.user === user && Date.now() - last.at < REREAD) return last.count;
    const count = await this.fetch(user);
    this.read = { user, at: Date.now(), count };
    return count;
  }

  /** Read the submissions again at the next refresh. */
  forget(): void {
    this.read = null;
  }

  private async fetch(user: string): Promise<number | null> {
    let page: HistoryPage;
    try {
      page = await get<HistoryPage>(`/v1/submissions${query({ user_id: user, competition_id: this.competition.id, limit: SHOWN })}`, this.signal);
    } catch (error) {
      if (error instanceof ApiError && (error.status === 404 || error.status === 405)) {
        this.served = false;
        this.element.hidden = true;
        return null;
      }
      throw error;
    }
    clear(this.body, page.items.length ? this.list(page.items) : h("p", { class: "muted" }, "None yet."));
    return page.items.length;
  }

  private list(items: HistoryItem[]): HTMLElement {
    const labels = new Map(this.competition.problems.map((problem) => [problem.problem, problem.label]));
    const base = `#/competitions/${encodeURIComponent(this.competition.id)}/problems`;
    return h(
      "ul",
      { class: "submission-list" },
      items.map((item) => {
        const label = labels.get(item.problem) ?? item.problem;
        return h(
          "li",
          {},
          h(
            "a",
            { href: `${base}/${encodeURIComponent(label)}/submissions/${encodeURIComponent(item.id)}`, "data-submission": item.id },
            verdictBadge(item.verdict),
            h("span", {}, `${label} · ${item.language}`),
            h("span", { class: "cell-time" }, clock(item.created - this.competition.start)),
            h("span", { class: "cell-memory" }, ""),
          ),
        );
      }),
    );
  }
}

// A competition's page: countdown, its problems with the participant's state on each, and
// the live leaderboard (ranks with ties, per-problem cells, the participant's own row one
// click away, the freeze shown as such), refreshed by the leaderboard's event stream.
import { ApiError, get, query, streamEvents, userId, type Around, type Cell, type Competition, type LeaderboardPage, type Row, type StatsPage } from "./api";
import { Announcements } from "./announcements";
import { fetchProblem } from "./catalog";
import { clear, clock, h } from "./dom";
import { OwnSubmissions } from "./mine";

const PAGE = 50;
const POLL = 5000;
const STATE_NAMES: Record<Competition["state"], string> = {
  scheduled: "Scheduled",
  running: "Running",
  frozen: "Running · scoreboard frozen",
  ended: "Ended",
  finalized: "Final results",
};

function at(seconds: number): string {
  return new Date(seconds * 1000).toLocaleString([], { dateStyle: "medium", timeStyle: "short" });
}

/**
 * A cell as boards show it. Under the ICPC rule, as ICPC boards do: the minute of the accept and the tries
 * ("✓ 47 · 2 tries"); under the default rule the contest clock of the accept and the extra tries ("✓ +1 0:47:12").
 */
function cellText(cell: Cell | undefined, icpc = false): { text: string; label: string; kind: string } {
  if (!cell) return { text: "", label: "not tried", kind: "none" };
  const tries = cell.attempts === 1 ? "1 try" : `${cell.attempts} tries`;
  if (cell.solved) {
    const kind = cell.first_to_solve ? "first" : "solved";
    const first = cell.first_to_solve ? ", first to solve" : "";
    if (icpc) {
      const minute = cell.time === null ? "" : String(Math.floor(cell.time / 60));
      return { text: `✓ ${minute} · ${tries}`, label: `solved in minute ${minute} in ${tries}${first}`, kind };
    }
    const when = cell.time === null ? "" : clock(cell.time);
    const extra = cell.attempts > 1 ? ` +${cell.attempts - 1}` : "";
    return { text: `✓${extra} ${when}`, label: `solved at ${when} in ${tries}${first}`, kind };
  }
  if (cell.pending) return { text: `?${cell.attempts ? ` −${cell.attempts}` : ""}`, label: `${cell.pending} pending, ${tries} rejected`, kind: "pending" };
  if (cell.attempts) return { text: `−${cell.attempts}`, label: `${tries}, not solved`, kind: "rejected" };
  return { text: "", label: "not tried", kind: "none" };
}

class Board {
  readonly element: HTMLElement;
  private offset = 0;
  private around = false;
  private participants = 0;
  private readonly table: HTMLElement;
  private readonly status: HTMLElement;
  private readonly pager: HTMLElement;
  private readonly mine: HTMLButtonElement;
  private refreshTimer = 0;
  onOwnRow: (row: Row | null) => void = () => undefined;
  /** How many submissions the participant has in the competition (null: not known); refreshed with the board. */
  submitted: (user: string) => Promise<number | null> = async () => null;
  /** The participant is on the board although their submissions were counted 0: count them again. */
  stale: () => void = () => undefined;
  /** Each problem's solves and attempts, asked for with every refresh of the board. */
  onStats: (stats: StatsPage) => void = () => undefined;

  constructor(
    private readonly competition: Competition,
    private readonly signal: AbortSignal,
  ) {
    this.table = h("div", { class: "table-wrap" });
    this.status = h("p", { class: "muted updated" });
    this.pager = h("nav", { class: "pager", "aria-label": "Leaderboard pages" });
    this.mine = h("button", { type: "button", id: "my-row-button", onclick: () => void this.showMine() }, "Show my row");
    this.element = h(
      "section",
      { class: "leaderboard", "aria-labelledby": "leaderboard-title" },
      h("div", { class: "board-head" }, h("h2", { id: "leaderboard-title" }, "Leaderboard"), this.mine, this.status),
      this.table,
      this.pager,
    );
    window.addEventListener("judged:user", () => void this.refresh(), { signal });
  }

  private base(): string {
    return `/v1/competitions/${encodeURIComponent(this.competition.id)}/leaderboard`;
  }

  async refresh(): Promise<void> {
    const user = userId();
    this.mine.disabled = !user;
    // Someone who has not submitted has no row: the board is not asked for it (it would answer 404).
    const count = user ? await this.submitted(user) : 0;
    const own = user && count !== 0 ? await this.ownRows(user) : null;
    let rows: Row[];
    if (this.around && own) rows = own.rows;
    else {
      this.around = false;
      const page = await get<LeaderboardPage>(`${this.base()}${query({ offset: this.offset, limit: PAGE })}`, this.signal);
      this.participants = page.participants;
      rows = page.rows;
    }
    // The own submissions are read at most every 30 s: a participant the page shows on the board has submitted since.
    const onPage = user ? rows.find((row) => row.user_id === user) : undefined;
    if (onPage && count === 0) this.stale();
    this.onOwnRow(own?.row ?? onPage ?? null);
    this.draw(rows, user);
    void this.stats();
    this.status.textContent = `${this.participants} participant${this.participants === 1 ? "" : "s"} · updated ${new Date().toLocaleTimeString()}`;
  }

  private async stats(): Promise<void> {
    try {
      this.onStats(await get<StatsPage>(`/v1/competitions/${encodeURIComponent(this.competition.id)}/stats`, this.signal));
    } catch {
      // Not served by this judged, or the page went away: the problems show no counts.
    }
  }

  private async ownRows(user: string): Promise<Around | null> {
    try {
      return await get<Around>(`${this.base()}/${encodeURIComponent(user)}?neighbours=5`, this.signal);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null; // no submission yet
      throw error;
    }
  }

  /** The participant's own row: on this page it is focused; else the rows around it are shown. */
  private async showMine(): Promise<void> {
    const found = this.table.querySelector<HTMLElement>("tr.me");
    if (found && !this.around) {
      found.scrollIntoView({ block: "center" });
      found.focus();
      return;
    }
    this.around = true;
    await this.refresh();
    const row = this.table.querySelector<HTMLElement>("tr.me");
    if (row) {
      row.scrollIntoView({ block: "center" });
      row.focus();
    } else this.status.textContent = "You are not on the leaderboard yet: submit a solution first.";
  }

  private draw(rows: Row[], user: string): void {
    const labels = this.competition.problems.map((problem) => problem.label);
    const icpc = this.competition.rule === "icpc";
    const head = h(
      "tr",
      {},
      h("th", { scope: "col" }, "Rank"),
      h("th", { scope: "col" }, "Participant"),
      h("th", { scope: "col" }, "Solved"),
      h("th", { scope: "col" }, icpc ? "Penalty (min)" : "Time"),
      labels.map((label) => h("th", { scope: "col", class: "cell" }, label)),
    );
    const body = rows.map((row) => {
      const cells = new Map(row.problems.map((cell) => [cell.label, cell]));
      const me = row.user_id === user;
      return h(
        "tr",
        { class: me ? "me" : null, "aria-current": me ? "true" : null, tabindex: me ? -1 : null, "data-user": row.user_id, "data-solved": row.solved },
        h("td", { class: "rank" }, String(row.rank)),
        h("th", { scope: "row", class: "user" }, row.user_id, me ? h("span", { class: "you" }, " (you)") : null),
        h("td", {}, String(row.solved)),
        h("td", {}, icpc ? String(row.penalty ?? 0) : clock(row.time)),
        labels.map((label) => {
          const shown = cellText(cells.get(label), icpc);
          return h("td", { class: `cell cell-${shown.kind}`, title: `${label}: ${shown.label}` }, h("span", { "aria-hidden": "true" }, shown.text), h("span", { class: "sr-only" }, `${label}: ${shown.label}`));
        }),
      );
    });
    clear(
      this.table,
      h(
        "table",
        { class: "board" },
        h("caption", { class: "sr-only" }, `Leaderboard of ${this.competition.title}`),
        h("thead", {}, head),
        h("tbody", {}, body.length ? body : h("tr", {}, h("td", { colspan: labels.length + 4 }, "Nobody has submitted yet."))),
      ),
    );
    clear(
      this.pager,
      this.around
        ? h("button", { type: "button", class: "secondary", onclick: () => this.goTo(0) }, "Back to the top")
        : [
            this.offset > 0 ? h("button", { type: "button", class: "secondary", onclick: () => this.goTo(Math.max(0, this.offset - PAGE)) }, "← Higher ranks") : null,
            this.offset + PAGE < this.participants ? h("button", { type: "button", class: "secondary", onclick: () => this.goTo(this.offset + PAGE) }, "Lower ranks →") : null,
          ],
    );
  }

  private goTo(offset: number): void {
    this.around = false;
    this.offset = offset;
    void this.refresh();
  }

  /** Refresh on every leaderboard event (coalesced); poll when the stream is not available. */
  async live(): Promise<void> {
    const schedule = () => {
      window.clearTimeout(this.refreshTimer);
      this.refreshTimer = window.setTimeout(() => void this.refresh().catch(() => undefined), 250);
    };
    this.signal.addEventListener("abort", () => window.clearTimeout(this.refreshTimer));
    while (!this.signal.aborted) {
      try {
        await streamEvents(`${this.base()}/events${query({ limit: PAGE })}`, schedule, this.signal);
      } catch {
        if (this.signal.aborted) return;
      }
      // The stream ended or is not served: refresh now and again every few seconds until it is back.
      await new Promise((resolve) => setTimeout(resolve, POLL));
      if (!this.signal.aborted) await this.refresh().catch(() => undefined);
    }
  }
}

export async function competitionPage(main: HTMLElement, _params: URLSearchParams, signal: AbortSignal, id: string): Promise<void> {
  let competition = await get<Competition>(`/v1/competitions/${encodeURIComponent(id)}`, signal);
  document.title = `${competition.title} · judged`;
  const state = h("span", { class: "state", id: "competition-state" });
  const countdown = h("p", { class: "countdown", id: "countdown", role: "timer", "aria-live": "off" });
  const freeze = h("p", { class: "freeze" });
  const problemRows = new Map<string, HTMLElement>();
  const countCells = new Map<string, HTMLElement>();
  const problems = h(
    "table",
    { class: "competition-problems" },
    h("caption", { class: "sr-only" }, "Problems"),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col" }, "Problem"),
        h("th", { scope: "col" }, "Title"),
        h("th", { scope: "col", title: "participants who solved it / who tried it" }, "Solved / tried"),
        h("th", { scope: "col" }, "You"),
      ),
    ),
    h(
      "tbody",
      {},
      competition.problems.map((problem) => {
        const title = h("a", { href: `#/competitions/${encodeURIComponent(competition.id)}/problems/${encodeURIComponent(problem.label)}` }, problem.problem);
        void fetchProblem(problem.problem, "python").then((page) => (title.textContent = page.title)).catch(() => undefined);
        const yours = h("td", { class: "yours" }, "–");
        const counts = h("td", { class: "counts", "data-label": problem.label }, "–");
        problemRows.set(problem.label, yours);
        countCells.set(problem.label, counts);
        return h("tr", {}, h("th", { scope: "row" }, problem.label), h("td", {}, title), counts, yours);
      }),
    ),
  );
  const board = new Board(competition, signal);
  const mine = new OwnSubmissions(competition, signal);
  board.submitted = (user) => mine.refresh(user);
  board.stale = () => mine.forget();
  board.onStats = (stats) => {
    for (const problem of stats.problems) {
      const cell = countCells.get(problem.label);
      if (!cell) continue;
      const submissions = problem.submissions === 1 ? "1 submission" : `${problem.submissions} submissions`;
      clear(
        cell,
        h("span", { "aria-hidden": "true" }, `${problem.solved} / ${problem.tried}`),
        h("span", { class: "sr-only" }, `${problem.solved} solved of ${problem.tried} who tried, ${submissions}`),
      );
      cell.title = `${problem.solved} solved, ${problem.tried} tried, ${submissions}`;
    }
  };
  const announcements = new Announcements(competition, signal);
  board.onOwnRow = (row) => {
    const cells = new Map((row?.problems ?? []).map((cell) => [cell.label, cell]));
    for (const [label, element] of problemRows) {
      const shown = cellText(cells.get(label), competition.rule === "icpc");
      element.className = `yours cell-${shown.kind}`;
      element.textContent = shown.kind === "none" ? "–" : `${shown.kind === "solved" || shown.kind === "first" ? "✓ " : ""}${shown.label[0].toUpperCase()}${shown.label.slice(1)}`;
    }
  };
  const draw = () => {
    state.textContent = STATE_NAMES[competition.state] ?? competition.state;
    state.className = `state state-${competition.state}`;
    const now = Date.now() / 1000;
    const end = competition.end ?? competition.start + competition.duration;
    if (competition.state === "scheduled") countdown.textContent = `Starts in ${clock(competition.start - now)} (${at(competition.start)})`;
    else if (competition.state === "running" || competition.state === "frozen") countdown.textContent = `Ends in ${clock(end - now)} (${at(end)})`;
    else countdown.textContent = `Ended ${at(end)}`;
    const freezeAt = competition.freeze_at;
    if (competition.state === "frozen")
      freeze.textContent = `The scoreboard is frozen since ${at(freezeAt ?? end)}: results of later submissions show as pending (?) until the results are final.`;
    else if (freezeAt && competition.state !== "finalized" && competition.state !== "ended")
      freeze.textContent = `The scoreboard freezes at ${at(freezeAt)}.`;
    else freeze.textContent = "";
    const crossed = (competition.state === "scheduled" && now >= competition.start) || ((competition.state === "running" || competition.state === "frozen") && (now >= end || (freezeAt && competition.state === "running" && now >= freezeAt)));
    if (crossed) void get<Competition>(`/v1/competitions/${encodeURIComponent(id)}`, signal).then((fresh) => (competition = fresh)).catch(() => undefined);
  };
  draw();
  const ticker = window.setInterval(draw, 1000);
  signal.addEventListener("abort", () => window.clearInterval(ticker));
  clear(
    main,
    h(
      "header",
      { class: "competition-head" },
      h("h1", {}, competition.title),
      h("p", {}, state, " · ", competition.rule === "icpc" ? `ICPC rule (${competition.penalty_minutes ?? 20} penalty minutes a rejected try)` : "More solved ranks higher; ties go to the earlier last solve"),
      countdown,
      freeze,
    ),
    announcements.element,
    h("section", { "aria-labelledby": "problems-title" }, h("h2", { id: "problems-title" }, "Problems"), h("div", { class: "table-wrap" }, problems)),
    mine.element,
    board.element,
  );
  main.dataset.page = "competition";
  void announcements.live();
  await board.refresh();
  void board.live();
}

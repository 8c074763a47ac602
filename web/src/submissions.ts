// The Submissions tab of a problem's page: this participant's history for the problem (the server's, newest
// first, plus what this browser submitted that the history does not list yet), each row a link to its full result.
import { ApiError, get, query, userId, type Competition, type HistoryPage, type Submission } from "./api";
import { clear, h, mebibytes, seconds, verdictBadge } from "./dom";
import { statusView, verdictView } from "./results";

/** One row of the list: what the history gives, or what this browser remembers of its own submission. */
export interface Recent {
  id: string;
  language: string;
  verdict: string;
  time?: number;
  memory?: number;
  at: number; // ms since the epoch
}

const LONG_POLL = 25;
const SHOWN = 20;

export class SubmissionsPanel {
  readonly element: HTMLElement;
  private opened: string | null = null;
  private reading: AbortController | null = null;

  constructor(
    private readonly slug: string,
    private readonly competition: Competition | null,
    /** The address of a submission's full result (and of the list, given null). */
    private readonly address: (id: string | null) => string,
    private readonly jump: (line: number) => void,
    private readonly signal: AbortSignal,
  ) {
    this.element = h("div", { class: "submissions" });
    window.addEventListener("judged:user", () => this.show(this.opened), { signal });
  }

  /** The list (id null) or one submission's full result. */
  show(id: string | null, focus = false): void {
    this.reading?.abort();
    this.reading = new AbortController();
    this.opened = id;
    if (id === null) this.showList(this.reading.signal);
    else void this.showOne(id, this.reading.signal, focus);
  }

  /** A submission this browser just made: listed at once, before the history has it. */
  remember(submission: Submission): void {
    const entry: Recent = {
      id: submission.id,
      language: submission.language,
      verdict: submission.verdict ?? "IE",
      time: submission.time,
      memory: submission.memory,
      at: submission.created ? submission.created * 1000 : Date.now(),
    };
    const list = [entry, ...this.remembered().filter((known) => known.id !== entry.id)].slice(0, SHOWN);
    localStorage.setItem(this.key(), JSON.stringify(list));
    if (this.opened === null) this.show(null);
  }

  private key(): string {
    return `judged:recent:${userId()}:${this.competition?.id ?? ""}:${this.slug}`;
  }

  private remembered(): Recent[] {
    try {
      return JSON.parse(localStorage.getItem(this.key()) ?? "[]") as Recent[];
    } catch {
      return [];
    }
  }

  private showList(signal: AbortSignal): void {
    const local = this.remembered();
    const user = userId();
    const list = h("ol", { class: "submission-list", "aria-label": "Your submissions, newest first" });
    clear(this.element, list);
    const render = (items: Recent[]) =>
      clear(list, items.length ? items.map((entry) => this.row(entry)) : h("li", { class: "muted" }, user ? "None yet." : "Type your user id to see your submissions."));
    render(local);
    if (!user) return;
    const filters = { user_id: user, problem: this.slug, competition_id: this.competition?.id ?? "", limit: SHOWN };
    get<HistoryPage>(`/v1/submissions${query(filters)}`, signal)
      .then((page) => {
        const server: Recent[] = page.items.map((item) => ({
          id: item.id,
          language: item.language,
          verdict: item.verdict,
          time: item.time,
          memory: item.memory,
          at: item.created * 1000,
        }));
        const listed = new Set(server.map((entry) => entry.id));
        render([...local.filter((entry) => !listed.has(entry.id)), ...server].sort((a, b) => b.at - a.at).slice(0, SHOWN));
      })
      .catch(() => undefined); // a judged without history: this browser's list stays
  }

  private row(entry: Recent): HTMLElement {
    return h(
      "li",
      {},
      h(
        "a",
        { href: this.address(entry.id), "data-submission": entry.id },
        h("span", { class: "cell-verdict" }, verdictBadge(entry.verdict)),
        h("span", { class: "cell-language" }, entry.language),
        h("span", { class: "cell-time", title: "Time" }, seconds(entry.time)),
        h("span", { class: "cell-memory", title: "Memory" }, mebibytes(entry.memory)),
        h("time", { datetime: new Date(entry.at).toISOString() }, new Date(entry.at).toLocaleString()),
      ),
    );
  }

  /** A submission's full result, the same view as under the editor; long-polled while it is judged. */
  private async showOne(id: string, signal: AbortSignal, focus: boolean): Promise<void> {
    const heading = h("h2", { tabindex: -1 }, "Submission ", h("code", {}, id));
    const body = h("div", { id: "submission-result", "aria-live": "polite" }, h("p", { "aria-busy": "true" }, "Loading the submission…"));
    clear(this.element, h("p", {}, h("a", { href: this.address(null), class: "back" }, "← All submissions")), heading, body);
    if (focus) heading.focus();
    const url = `/v1/submissions/${encodeURIComponent(id)}`;
    try {
      let submission = await get<Submission>(url, signal);
      while (submission.status !== "finished") {
        clear(body, statusView(submission));
        submission = await get<Submission>(`${url}?wait=${LONG_POLL}`, signal);
      }
      clear(body, h("p", { class: "muted" }, `${submission.language} · ${new Date(submission.created * 1000).toLocaleString()}`), verdictView(submission, this.jump));
    } catch (error) {
      if (signal.aborted || this.signal.aborted) return;
      const text = error instanceof ApiError ? `${error.message} (HTTP ${error.status})` : String(error);
      clear(body, h("p", { class: "error", role: "alert" }, text));
    }
  }
}

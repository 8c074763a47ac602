// The organisers' announcements on a competition's page, newest first, arriving live: a long-poll
// (GET /v1/competitions/{id}/announcements?after=&wait=) asked again as soon as it answers, never a busy poll.
import { ApiError, get, query, type AnnouncementPage, type Competition } from "./api";
import { clear, h } from "./dom";

const WAIT = 25; // seconds the daemon holds a request when there is nothing new
const AFTER_FAILURE = 5000;

function when(seconds: number): string {
  return new Date(seconds * 1000).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });
}

export class Announcements {
  readonly element: HTMLElement;
  private readonly list: HTMLElement;
  private last: string | null = null;
  private count = 0;

  constructor(
    private readonly competition: Competition,
    private readonly signal: AbortSignal,
  ) {
    this.list = h("ol", { class: "announcements", reversed: true, "aria-live": "polite", "aria-relevant": "additions" });
    this.element = h(
      "section",
      { class: "announcement-panel", "aria-labelledby": "announcements-title", hidden: true },
      h("h2", { id: "announcements-title" }, "Announcements"),
      this.list,
    );
  }

  /** Read the announcements, then wait for the next ones until the page goes away. */
  async live(): Promise<void> {
    const path = `/v1/competitions/${encodeURIComponent(this.competition.id)}/announcements`;
    let wait = 0; // the first read answers at once, with every kept announcement
    while (!this.signal.aborted) {
      try {
        const page = await get<AnnouncementPage>(`${path}${query({ after: this.last, wait })}`, this.signal);
        this.add(page);
        wait = WAIT;
      } catch (error) {
        if (this.signal.aborted) return;
        if (error instanceof ApiError && error.status === 404) return; // this judged does not serve them
        await new Promise((resolve) => setTimeout(resolve, AFTER_FAILURE));
      }
    }
  }

  private add(page: AnnouncementPage): void {
    this.last = page.last ?? this.last;
    if (!page.items.length) return;
    for (const item of page.items) {
      this.count += 1;
      this.list.prepend(
        h(
          "li",
          { class: "announcement", "data-announcement": item.id },
          h("time", { datetime: new Date(item.created * 1000).toISOString() }, when(item.created)),
          h("p", {}, item.text),
        ),
      );
    }
    this.element.hidden = false;
    const title = this.element.querySelector("h2");
    if (title) clear(title, `Announcements (${this.count})`);
  }
}

// The tabs of a problem's page (WAI-ARIA tabs: arrow keys, Home, End; the selected tab is in the address).
// Description and Submissions share the left pane; Code, shown only below 1000 px, puts the editor one tap away.
import { h } from "./dom";
import type { SubmissionsPanel } from "./submissions";

export type TabName = "description" | "submissions" | "code";

export interface Tab {
  name: TabName;
  submission: string | null; // the Submissions tab showing one submission's full result
}

const NAMES: [TabName, string][] = [
  ["description", "Description"],
  ["submissions", "Submissions"],
  ["code", "Code"],
];
const NARROW = "(max-width: 999.98px)";

/** The tab an address names after the problem: "", "/code", "/submissions" or "/submissions/{id}". */
export function parseTab(tail: string): Tab {
  const [, name = "", id = ""] = tail.split("/");
  if (name === "code") return { name: "code", submission: null };
  if (name === "submissions") return { name: "submissions", submission: id || null };
  return { name: "description", submission: null };
}

export class ProblemTabs {
  readonly element: HTMLElement;
  private readonly tabs: Map<TabName, HTMLButtonElement>;

  constructor(
    private readonly base: string,
    statement: HTMLElement,
    private readonly submissions: SubmissionsPanel,
    workspace: HTMLElement,
  ) {
    this.tabs = new Map(
      NAMES.map(([name, text]) => [
        name,
        h(
          "button",
          { type: "button", role: "tab", id: `tab-${name}`, class: `tab tab-${name}`, "aria-controls": `panel-${name}`, onclick: () => this.go(name) },
          text,
        ),
      ]),
    );
    const list = h("div", { role: "tablist", class: "tabs", "aria-label": "Problem" }, [...this.tabs.values()]);
    list.addEventListener("keydown", (event) => this.key(event));
    const panel = (name: TabName, ...children: HTMLElement[]) =>
      h("div", { role: "tabpanel", id: `panel-${name}`, class: `tabpanel panel-${name}`, "aria-labelledby": `tab-${name}`, tabindex: name === "code" ? null : 0 }, ...children);
    this.element = h(
      "div",
      { class: "problem-layout" },
      h("div", { class: "problem-pane" }, list, panel("description", statement), panel("submissions", submissions.element)),
      panel("code", workspace),
    );
  }

  /** Show a tab (the address already names it). */
  select(tab: Tab, focus: boolean): void {
    this.element.dataset.tab = tab.name;
    // From 1000 px the Code tab is hidden (the editor is always beside the pane): the pane shows Description.
    const selected = tab.name === "code" && !window.matchMedia(NARROW).matches ? "description" : tab.name;
    for (const [name, button] of this.tabs) {
      button.setAttribute("aria-selected", String(name === selected));
      button.tabIndex = name === selected ? 0 : -1;
    }
    if (tab.name === "submissions") this.submissions.show(tab.submission, focus && tab.submission !== null);
  }

  /** On a narrow screen, where the editor is a tab of its own, show it (a compile error's line was chosen). */
  showCode(): void {
    if (window.matchMedia(NARROW).matches) this.go("code");
  }

  private address(name: TabName): string {
    return name === "description" ? this.base : `${this.base}/${name}`;
  }

  private go(name: TabName): void {
    const address = this.address(name);
    if (location.hash === address) this.select({ name, submission: null }, false);
    else location.hash = address; // the page's update (problem.ts) selects it
  }

  /** Left/Right move to the previous/next tab shown (wrapping), Home/End to the first/last; the tab opens at once. */
  private key(event: KeyboardEvent): void {
    const shown = [...this.tabs.values()].filter((tab) => tab.getClientRects().length > 0);
    const at = shown.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    const moves: Record<string, number> = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: shown.length - 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    const tab = shown[(to + shown.length) % shown.length];
    tab.focus();
    tab.click();
  }
}

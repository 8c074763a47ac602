// The testcase panel, as LeetCode's: one tab per case, the problem's samples preloaded, "+ Add case"
// (a copy of the case shown), a field per parameter (function problems), the operations and their
// arguments (design problems: LeetCode's two lists), or the standard input (I/O problems). The cases
// are kept per problem in this browser; "Reset to the samples" brings the samples back.
import type { Problem, Sample } from "./api";
import { clear, h } from "./dom";

interface Field {
  name: string;
  hint: string; // the type, or what the field holds
  json: boolean; // parsed as JSON (else sent as text: standard input)
}

type Case = Record<string, string>;

export const DEFAULT_MAX_CASES = 20; // when /web-config.json gives no limit

/** The fields of a case: by parameter name, the design problem's two lists, or standard input. */
export function caseFields(problem: Problem): Field[] {
  const design = problem.design;
  if (design) {
    const methods = design.methods.map((method) => `"${method.name}"`).join(", ");
    return [
      { name: "operations", hint: `["${design.class}", then any of ${methods}]`, json: true },
      { name: "arguments", hint: "one list per operation: the constructor's, then each call's", json: true },
    ];
  }
  if (problem.signature) return problem.signature.params.map((param) => ({ name: param.name, hint: param.type, json: true }));
  return [{ name: "stdin", hint: "standard input", json: false }];
}

function sampleCase(sample: Sample, fields: Field[]): Case {
  const input = sample.input;
  if (typeof input === "string") return { stdin: input };
  const found: Case = {};
  for (const field of fields) {
    const value = (input as Record<string, unknown>)[field.name];
    found[field.name] = field.json ? JSON.stringify(value ?? null) : typeof value === "string" ? value : "";
  }
  return found;
}

export class TestcasePanel {
  readonly element: HTMLElement;
  private readonly fields: Field[];
  private cases: Case[];
  private selected = 0;
  private readonly tablist: HTMLElement;
  private readonly body: HTMLElement;
  private readonly add: HTMLButtonElement;

  constructor(
    private readonly problem: Problem,
    private readonly maxCases: () => number,
  ) {
    this.fields = caseFields(problem);
    this.cases = this.load() ?? this.samples();
    this.tablist = h("div", { role: "tablist", class: "case-tabs", "aria-label": "Testcases" });
    this.body = h("div", { class: "case-body", role: "tabpanel", id: "case-panel" });
    this.add = h("button", { type: "button", class: "secondary case-add", onclick: () => this.addCase() }, "+ Add case");
    const reset = h("button", { type: "button", class: "link", onclick: () => this.reset() }, "Reset to the samples");
    this.element = h("div", { class: "testcases" }, h("div", { class: "case-bar" }, this.tablist, this.add, reset), this.body);
    this.draw();
  }

  get count(): number {
    return this.cases.length;
  }

  /** The cases as POST /v1/runs takes them, or an Error naming the case and the field that is not valid. */
  tests(): unknown[] {
    if (!this.cases.length) throw new Error("Add a testcase first.");
    return this.cases.map((found, index) => {
      if (!this.problem.signature && !this.problem.design) {
        const text = found.stdin ?? "";
        return text.endsWith("\n") || !text ? text : `${text}\n`;
      }
      const input: Record<string, unknown> = {};
      for (const field of this.fields) {
        const text = (found[field.name] ?? "").trim();
        try {
          input[field.name] = JSON.parse(text);
        } catch {
          this.select(index);
          throw new Error(`Case ${index + 1}, ${field.name}: ${text ? `not a JSON value: ${text.slice(0, 60)}` : "empty"} (expected ${field.hint}).`);
        }
      }
      return input;
    });
  }

  private samples(): Case[] {
    const cases = this.problem.samples.map((sample) => sampleCase(sample, this.fields));
    return cases.length ? cases : [Object.fromEntries(this.fields.map((field) => [field.name, ""]))];
  }

  private key(): string {
    return `judged:cases:${this.problem.slug}`;
  }

  private load(): Case[] | null {
    try {
      const stored = JSON.parse(localStorage.getItem(this.key()) ?? "null") as unknown;
      if (!Array.isArray(stored) || !stored.length) return null;
      const names = this.fields.map((field) => field.name).join(",");
      const fits = stored.every((item) => item && typeof item === "object" && Object.keys(item).sort().join(",") === [...names.split(",")].sort().join(","));
      return fits ? (stored as Case[]) : null;
    } catch {
      return null;
    }
  }

  private save(): void {
    try {
      localStorage.setItem(this.key(), JSON.stringify(this.cases));
    } catch {
      // The browser's storage is full: the cases stay on this page only.
    }
  }

  private reset(): void {
    this.cases = this.samples();
    this.selected = 0;
    localStorage.removeItem(this.key());
    this.draw();
  }

  private addCase(): void {
    if (this.cases.length >= this.maxCases()) return;
    this.cases.push({ ...this.cases[this.selected] });
    this.selected = this.cases.length - 1;
    this.save();
    this.draw();
    this.focusTab();
  }

  private remove(index: number): void {
    this.cases.splice(index, 1);
    this.selected = Math.max(0, Math.min(this.selected, this.cases.length - 1));
    this.save();
    this.draw();
  }

  private select(index: number): void {
    this.selected = index;
    this.draw();
  }

  private focusTab(): void {
    this.tablist.querySelector<HTMLElement>('[aria-selected="true"]')?.focus();
  }

  private keyed(event: KeyboardEvent): void {
    const moves: Record<string, number> = { ArrowLeft: this.selected - 1, ArrowRight: this.selected + 1, Home: 0, End: this.cases.length - 1 };
    const to = moves[event.key];
    if (to === undefined) return;
    event.preventDefault();
    this.select((to + this.cases.length) % this.cases.length);
    this.focusTab();
  }

  private draw(): void {
    clear(
      this.tablist,
      this.cases.map((_, index) => {
        const chosen = index === this.selected;
        return h(
          "span",
          { class: "case-tab" },
          h(
            "button",
            {
              type: "button",
              role: "tab",
              id: `case-tab-${index + 1}`,
              "aria-selected": chosen ? "true" : "false",
              "aria-controls": "case-panel",
              tabindex: chosen ? 0 : -1,
              onclick: () => this.select(index),
              onkeydown: (event: Event) => this.keyed(event as KeyboardEvent),
            },
            `Case ${index + 1}`,
          ),
          this.cases.length > 1
            ? h("button", { type: "button", class: "case-remove", "aria-label": `Remove case ${index + 1}`, title: `Remove case ${index + 1}`, onclick: () => this.remove(index) }, "×")
            : null,
        );
      }),
    );
    this.add.disabled = this.cases.length >= this.maxCases();
    this.add.title = this.add.disabled ? `A run takes up to ${this.maxCases()} cases` : "";
    this.body.setAttribute("aria-labelledby", `case-tab-${this.selected + 1}`);
    const shown = this.cases[this.selected];
    clear(
      this.body,
      this.fields.map((field) => {
        const id = `case-${field.name}`;
        const area = h("textarea", { id, rows: field.json ? 1 : 4, spellcheck: "false", class: field.json ? "case-json" : "case-text", "data-field": field.name });
        area.value = shown?.[field.name] ?? "";
        area.rows = Math.min(8, Math.max(field.json ? 1 : 4, area.value.split("\n").length));
        area.addEventListener("input", () => {
          if (shown) shown[field.name] = area.value;
          this.save();
        });
        return h("div", { class: "case-field" }, h("label", { for: id }, h("code", {}, field.name), " ", h("span", { class: "muted" }, field.hint)), area);
      }),
    );
  }
}

// The right-hand side of a problem's page: language, editor, run, submit, results.
import {
  ApiError,
  get,
  post,
  streamEvents,
  userId,
  webConfig,
  type Accepted,
  type Competition,
  type Problem,
  type Run,
  type Submission,
} from "./api";
import type { CodeEditor } from "./editor";
import { clear, h } from "./dom";
import { fetchLanguages, fetchProblem, rememberLanguage } from "./catalog";
import { compileMarks, paramNames, runView, statusView, verdictView } from "./results";
import { DEFAULT_MAX_CASES, TestcasePanel } from "./testcases";

type EditorFactory = (host: HTMLElement, code: string, language: string, label: string) => CodeEditor;

const LONG_POLL = 25;

function bytes(text: string): number {
  return new TextEncoder().encode(text).length;
}

function kib(size: number): string {
  return size < 1024 * 1024 ? `${Math.ceil(size / 1024)} KiB` : `${(size / 1048576).toFixed(1)} MiB`;
}

/** Why a request cannot be sent: over a size limit judged gives in /web-config.json (nothing is sent then). */
class TooLarge extends Error {}

export class Workspace {
  readonly element: HTMLElement;
  private problem: Problem;
  private editor: CodeEditor | null = null;
  private readonly fallback: HTMLTextAreaElement;
  private readonly host: HTMLElement;
  private readonly select: HTMLSelectElement;
  private readonly results: HTMLElement;
  private readonly cases: TestcasePanel;
  private readonly buttons: HTMLButtonElement[];
  private readonly sizeNote: HTMLElement;
  private saveTimer = 0;

  constructor(
    problem: Problem,
    private readonly competition: Competition | null,
    private readonly signal: AbortSignal,
    /** Told of each submission once judged (the Submissions tab lists it). */
    private readonly submitted: (submission: Submission) => void,
  ) {
    this.problem = problem;
    const language = problem.language;
    this.select = h("select", { id: "language", name: "language" }, problem.languages.map((id) => h("option", { value: id, selected: id === language }, id)));
    this.select.addEventListener("change", () => void this.switchLanguage(this.select.value));
    void fetchLanguages().then((known) => this.nameLanguages(known));
    this.fallback = h("textarea", { class: "fallback-editor", spellcheck: "false", "aria-label": "Code (the editor is loading)" });
    this.fallback.value = this.draft(language) ?? problem.stub;
    this.fallback.addEventListener("input", () => this.saveSoon());
    this.host = h("div", { class: "editor-host", id: "editor", "data-editor": "loading" }, this.fallback);
    this.cases = new TestcasePanel(problem, () => webConfig().limits?.run_inputs ?? DEFAULT_MAX_CASES);
    this.results = h("section", { class: "results", "aria-live": "polite", "aria-label": "Results", id: "results" });
    this.sizeNote = h("p", { class: "error size-note", id: "size-note", role: "status" });
    const runSamples = h("button", { type: "button", class: "secondary", id: "run-samples" }, "Run samples");
    const runCustom = h("button", { type: "button", class: "secondary", id: "run-custom" }, "Run testcases");
    const submit = h("button", { type: "button", id: "submit" }, "Submit");
    runSamples.addEventListener("click", () => void this.run(false));
    runCustom.addEventListener("click", () => void this.run(true));
    submit.addEventListener("click", () => void this.submit());
    this.buttons = [runSamples, runCustom, submit];
    // LeetCode's keys, from anywhere on the page (capture: before Monaco's own Ctrl+Enter, "insert line below").
    window.addEventListener("keydown", (event) => this.shortcut(event), { capture: true, signal });
    const reset = h("button", { type: "button", class: "link", onclick: () => this.reset() }, "Reset to the stub");
    this.element = h(
      "section",
      { class: "workspace", "aria-label": "Your solution" },
      h("div", { class: "toolbar" }, h("label", { for: "language" }, "Language"), this.select, reset),
      this.host,
      this.sizeNote,
      h(
        "p",
        { class: "hint" },
        "Ctrl+Enter submits, Ctrl+' runs the testcases. In the editor, Tab indents; press Ctrl+M (⌃⇧M on a Mac) to make Tab move the focus instead.",
      ),
      h("details", { class: "custom" }, h("summary", {}, "Testcases"), this.cases.element),
      h("div", { class: "actions" }, runSamples, runCustom, submit),
      this.results,
    );
  }

  private shortcut(event: KeyboardEvent): void {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || !this.element.isConnected) return;
    const action = event.key === "Enter" ? () => this.submit() : event.key === "'" ? () => this.run(true) : null;
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    if (!this.buttons[2].disabled) void action();
  }

  /** Move the editor to a line (a compile error's). */
  reveal(line: number): void {
    this.editor?.reveal(line);
  }

  /** Swap the plain textarea for the real editor, keeping what was typed meanwhile. */
  attach(factory: EditorFactory): void {
    const code = this.fallback.value;
    const focused = document.activeElement === this.fallback;
    this.host.replaceChildren();
    this.editor = factory(this.host, code, this.problem.language, `Code in ${this.problem.language}`);
    this.editor.onChange(() => this.saveSoon());
    if (focused) this.editor.focus();
  }

  private code(): string {
    return this.editor ? this.editor.value() : this.fallback.value;
  }

  private setCode(code: string): void {
    if (this.editor) this.editor.setValue(code, this.problem.language);
    else this.fallback.value = code;
  }

  private draftKey(language: string): string {
    return `judged:draft:${this.problem.slug}:${language}`;
  }

  private draft(language: string): string | null {
    return localStorage.getItem(this.draftKey(language));
  }

  private saveSoon(): void {
    window.clearTimeout(this.saveTimer);
    const language = this.problem.language;
    const code = this.code();
    this.saveTimer = window.setTimeout(() => this.store(language, code), 300);
  }

  private saveNow(): void {
    window.clearTimeout(this.saveTimer);
    this.store(this.problem.language, this.code());
  }

  /** Keep a draft, unless it is over judged's code limit: then the last draft that fits stays, and the page says why. */
  private store(language: string, code: string): void {
    const limit = webConfig().limits?.code_bytes;
    const size = bytes(code);
    if (limit !== undefined && size > limit) {
      this.sizeNote.textContent = `This code is ${kib(size)}; judged accepts up to ${kib(limit)}. It is not saved as a draft and cannot be run or submitted.`;
      return;
    }
    this.sizeNote.textContent = "";
    try {
      localStorage.setItem(this.draftKey(language), code);
    } catch {
      this.sizeNote.textContent = "The browser's storage is full: this draft is not saved.";
    }
  }

  /** The request body, or TooLarge (said in words) when judged would refuse it for its size. */
  private checked(body: Record<string, unknown>): string {
    const limits = webConfig().limits;
    const text = JSON.stringify(body);
    if (!limits) return text;
    const code = bytes(String(body.code ?? ""));
    if (code > limits.code_bytes) throw new TooLarge(`Your code is ${kib(code)}; judged accepts up to ${kib(limits.code_bytes)}. Nothing was sent.`);
    const tests = Array.isArray(body.tests) ? body.tests.length : 0;
    if (tests > limits.run_inputs) throw new TooLarge(`That is ${tests} testcases; a run takes up to ${limits.run_inputs}. Nothing was sent.`);
    const size = bytes(text);
    if (size > limits.body_bytes) throw new TooLarge(`This request is ${kib(size)} (code and input); judged accepts up to ${kib(limits.body_bytes)}. Nothing was sent.`);
    return text;
  }

  private nameLanguages(known: { id: string; name: string; enabled: boolean; reason: string }[]): void {
    const byId = new Map(known.map((language) => [language.id, language]));
    for (const option of this.select.options) {
      const language = byId.get(option.value);
      if (!language) continue;
      option.textContent = language.enabled ? language.name : `${language.name} (disabled)`;
      option.disabled = !language.enabled;
    }
  }

  private async switchLanguage(language: string): Promise<void> {
    this.saveNow();
    this.select.disabled = true;
    try {
      const page = await fetchProblem(this.problem.slug, language);
      this.problem = page;
      rememberLanguage(language);
      this.setCode(this.draft(language) ?? page.stub);
    } catch (error) {
      this.select.value = this.problem.language;
      this.showError(error);
    } finally {
      this.select.disabled = false;
    }
  }

  private reset(): void {
    if (!window.confirm("Replace your code with the stub? Your draft for this language is lost.")) return;
    this.setCode(this.problem.stub);
    this.saveNow();
  }

  private needUser(): string | null {
    const user = userId();
    if (user) return user;
    clear(this.results, h("p", { class: "error", role: "alert" }, "Type your user id at the top of the page first."));
    document.getElementById("user-id")?.focus();
    return null;
  }

  private busy(on: boolean): void {
    for (const button of this.buttons) button.disabled = on;
  }

  private showError(error: unknown): void {
    const text = error instanceof ApiError ? `${error.message} (HTTP ${error.status})` : error instanceof Error ? error.message : String(error);
    clear(this.results, h("p", { class: "error", role: "alert" }, text));
  }

  private async run(custom: boolean): Promise<void> {
    const user = this.needUser();
    if (!user) return;
    this.saveNow();
    this.busy(true);
    try {
      const body: Record<string, unknown> = { problem: this.problem.slug, language: this.problem.language, code: this.code(), user_id: user };
      if (custom) body.tests = this.cases.tests();
      clear(this.results, h("p", { class: "pending" }, h("span", { class: "spinner", "aria-hidden": "true" }), custom ? ` Running ${this.cases.count === 1 ? "1 testcase" : `${this.cases.count} testcases`}…` : " Running on the samples…"));
      let run = (await post<Run>("/v1/runs", this.checked(body))).body;
      while (run.status !== "finished" && !this.signal.aborted) {
        // The daemon held the request 20 s already; a run still queued behind others is asked again each second.
        await new Promise((resolve) => setTimeout(resolve, 1000));
        run = await get<Run>(`/v1/runs/${run.id}`, this.signal);
      }
      clear(this.results, h("h2", {}, custom ? "Run on your testcases" : "Run on the samples"), runView(run, (line) => this.editor?.reveal(line), paramNames(this.problem)));
      this.markCompileErrors(run.report?.outcome.compile_output ?? "");
    } catch (error) {
      this.showError(error);
    } finally {
      this.busy(false);
    }
  }

  private async submit(): Promise<void> {
    const user = this.needUser();
    if (!user) return;
    this.saveNow();
    this.busy(true);
    try {
      const body: Record<string, unknown> = { problem: this.problem.slug, language: this.problem.language, code: this.code(), user_id: user };
      if (this.competition) body.competition_id = this.competition.id;
      const accepted = (await post<Accepted>("/v1/submissions", this.checked(body))).body;
      const heading = h("h2", {}, "Submission");
      const live = h("div", { id: "verdict" });
      clear(this.results, heading, live);
      const finished = await this.follow(accepted, live);
      clear(live, verdictView(finished, (line) => this.editor?.reveal(line), paramNames(this.problem)));
      this.markCompileErrors(finished.verdict === "CE" ? finished.compile_output ?? "" : "");
      this.submitted(finished);
    } catch (error) {
      if (!this.signal.aborted) this.showError(error);
    } finally {
      this.busy(false);
    }
  }

  /** The submission once finished: its event stream (progress as it goes), else long-polls. */
  private async follow(accepted: Accepted, live: HTMLElement): Promise<Submission> {
    let current: Submission | null = null;
    if (accepted.events_url) {
      try {
        await streamEvents(
          accepted.events_url,
          (event) => {
            const data = JSON.parse(event.data) as Partial<Submission> & { passed?: number; total?: number };
            if (data.id) current = data as Submission;
            else if (current && data.total) current = { ...current, status: "running", progress: { passed: data.passed ?? 0, total: data.total } };
            else if (current && data.status) current = { ...current, status: data.status };
            if (current && current.status !== "finished") clear(live, statusView(current));
          },
          this.signal,
        );
      } catch (error) {
        if (this.signal.aborted) throw error;
      }
    }
    const done = current as Submission | null;
    if (done?.status === "finished") return done;
    let polled = await get<Submission>(accepted.url, this.signal);
    while (polled.status !== "finished") {
      clear(live, statusView(polled));
      polled = await get<Submission>(`${accepted.url}?wait=${LONG_POLL}`, this.signal);
    }
    return polled;
  }

  private markCompileErrors(output: string): void {
    this.editor?.markLines(compileMarks(output));
  }
}

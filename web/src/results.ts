// How a submission's verdict and a run's outputs are shown: verdict, per-test results,
// the first failing test's input / expected / actual, compile errors with their lines.
import type { Run, Submission } from "./api";
import { h, mebibytes, seconds, show, VERDICT_NAMES, verdictBadge } from "./dom";

export interface CompileMark {
  line: number;
  column: number;
  message: string;
}

/** The lines a compiler's message points at: gcc/g++/go/rustc/javac `file:line[:col]`, Python `line N`. */
export function compileMarks(output: string): CompileMark[] {
  const marks: CompileMark[] = [];
  const seen = new Set<number>();
  for (const text of output.split("\n")) {
    const located = /[\w./-]+\.(?:c|cc|cpp|h|hpp|java|go|rs|py|js|mjs):(\d+)(?::(\d+))?:?\s*(.*)/.exec(text);
    const python = /\bline (\d+)\b/.exec(text);
    const line = Number(located?.[1] ?? python?.[1] ?? 0);
    if (!line || seen.has(line)) continue;
    seen.add(line);
    marks.push({ line, column: Number(located?.[2] ?? 1), message: (located?.[3] || text).trim() });
  }
  return marks;
}

export function compileErrorView(output: string, jump: (line: number) => void): HTMLElement {
  const marks = compileMarks(output);
  return h(
    "div",
    { class: "compile-error" },
    marks.length
      ? h(
          "ul",
          { class: "compile-lines", "aria-label": "Lines with errors" },
          marks.map((mark) =>
            h(
              "li",
              {},
              h("button", { type: "button", class: "link", onclick: () => jump(mark.line) }, `Line ${mark.line}`),
              ": ",
              mark.message,
            ),
          ),
        )
      : null,
    h("pre", { class: "output", tabindex: 0, "aria-label": "Compiler output" }, output || "(no output)"),
  );
}

function field(name: string, value: unknown): HTMLElement {
  return h("div", { class: "io" }, h("h4", {}, name), h("pre", { class: "output", tabindex: 0 }, show(value)));
}

export function statusView(submission: Submission): HTMLElement {
  const progress = submission.progress;
  const text = submission.status === "queued" ? "Queued…" : "Judging…";
  return h(
    "div",
    { class: "pending", "data-status": submission.status },
    h("span", { class: "spinner", "aria-hidden": "true" }),
    ` ${text}`,
    progress
      ? h(
          "span",
          {},
          " ",
          h("progress", { max: progress.total, value: progress.passed, "aria-label": "Tests passed" }),
          ` ${progress.passed} / ${progress.total} tests`,
        )
      : null,
  );
}

export function verdictView(submission: Submission, jump: (line: number) => void): HTMLElement {
  const verdict = submission.verdict ?? "IE";
  const tests = submission.tests ?? [];
  const passed = tests.filter((test) => test.verdict === "AC").length;
  const failure = submission.failure;
  return h(
    "div",
    { class: "verdict-view", "data-verdict": verdict },
    h(
      "p",
      { class: "verdict-line" },
      verdictBadge(verdict),
      h("strong", {}, ` ${VERDICT_NAMES[verdict] ?? verdict}`),
      tests.length ? ` · ${passed} / ${tests.length} tests` : "",
      verdict !== "CE" ? ` · ${seconds(submission.time)} · ${mebibytes(submission.memory)}` : "",
    ),
    submission.message && verdict !== "CE" && verdict !== "AC" ? h("p", { class: "message" }, submission.message) : null,
    verdict === "CE" ? compileErrorView(submission.compile_output ?? "", jump) : null,
    failure
      ? h(
          "section",
          { class: "failure", "aria-label": "First failing test" },
          h("h3", {}, `First failing test: #${failure.index + 1}`, failure.sample ? " (sample)" : "", " ", verdictBadge(failure.verdict)),
          failure.message ? h("p", { class: "message" }, failure.message) : null,
          failure.input !== undefined ? field("Input", failure.input) : h("p", {}, "The input of a hidden test is not shown."),
          failure.expected !== undefined ? field("Expected", failure.expected) : null,
          failure.actual !== undefined ? field("Actual", failure.actual) : null,
        )
      : null,
    tests.length ? testGrid(submission) : null,
  );
}

function testGrid(submission: Submission): HTMLElement {
  return h(
    "details",
    { class: "tests" },
    h("summary", {}, `Per-test results (${(submission.tests ?? []).length})`),
    h(
      "ol",
      { class: "test-grid" },
      (submission.tests ?? []).map((test) =>
        h(
          "li",
          {
            class: `test verdict-${test.verdict}`,
            title: `Test ${test.index + 1}: ${test.verdict}, ${seconds(test.time)}`,
          },
          h("span", { class: "sr-only" }, `Test ${test.index + 1}: `),
          test.verdict,
        ),
      ),
    ),
  );
}

function same(left: unknown, right: unknown): boolean {
  if (typeof left === "string" && typeof right === "string") return left.trim().split(/\s+/).join(" ") === right.trim().split(/\s+/).join(" ");
  return JSON.stringify(left) === JSON.stringify(right);
}

export function runView(run: Run, jump: (line: number) => void): HTMLElement {
  const report = run.report;
  if (!report) return h("p", {}, "No report.");
  const outcome = report.outcome;
  if (outcome.status === "compile_error") {
    return h("div", { "data-run": "compile_error" }, h("p", {}, verdictBadge("CE"), " Compile error"), compileErrorView(outcome.compile_output, jump));
  }
  const rows = report.inputs.map((input, index) => {
    const output = outcome.outputs[index];
    const expected = report.expected?.[index];
    const ok = output?.status === "ok" && report.expected ? same(output.value, expected) : null;
    return h(
      "tr",
      {},
      h("th", { scope: "row" }, String(index + 1)),
      h("td", {}, h("pre", {}, show(input))),
      h("td", {}, h("pre", {}, output ? (output.status === "ok" ? show(output.value) : output.message ?? output.status) : "–")),
      h("td", {}, h("pre", {}, report.expected ? show(expected) : "–")),
      h("td", {}, ok === null ? "–" : ok ? h("span", { class: "ok" }, "✓ same") : h("span", { class: "bad" }, "✗ differs")),
    );
  });
  return h(
    "div",
    { "data-run": outcome.status },
    outcome.status !== "ok"
      ? h("p", { class: "message" }, outcome.verdict ? verdictBadge(outcome.verdict) : null, " ", outcome.message || outcome.status)
      : h("p", {}, `Ran in ${seconds(outcome.time)}, ${mebibytes(outcome.memory)}`),
    h(
      "div",
      { class: "table-wrap" },
      h(
        "table",
        { class: "runs" },
        h("caption", { class: "sr-only" }, "Run results"),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "#"), h("th", { scope: "col" }, "Input"), h("th", { scope: "col" }, "Output"), h("th", { scope: "col" }, report.expected_from ? `Expected (from ${report.expected_from})` : "Expected"), h("th", { scope: "col" }, ""))),
        h("tbody", {}, rows),
      ),
    ),
    outcome.stdout ? field("Printed (stdout)", outcome.stdout) : null,
    outcome.stderr ? field("stderr", outcome.stderr) : null,
  );
}

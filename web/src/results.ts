// How a submission's verdict and a run's outputs are shown: verdict, per-test results,
// the first failing test's input / expected / actual, compile errors with their lines.
import type { Problem, Run, Submission } from "./api";
import { h, mebibytes, seconds, show, VERDICT_NAMES, verdictBadge } from "./dom";

/**
 * A test's input as a participant reads it: a stdin text as it is (judged sends an I/O test's input as
 * `{"stdin": "..."}`), a function's arguments as `name = value` lines (an object by name, or, in a run's
 * report, an array in the signature's order).
 */
export function inputText(input: unknown, params: readonly string[] = []): string {
  if (typeof input === "string") return input;
  if (Array.isArray(input) && params.length === input.length) return input.map((value, index) => `${params[index]} = ${JSON.stringify(value)}`).join("\n");
  if (input !== null && typeof input === "object" && !Array.isArray(input)) {
    const entries = Object.entries(input);
    if (entries.length === 1 && entries[0][0] === "stdin" && typeof entries[0][1] === "string") return entries[0][1];
    return entries.map(([name, value]) => `${name} = ${JSON.stringify(value)}`).join("\n");
  }
  return show(input);
}

/** The names a test's input is shown by: the parameters, or a design problem's two lists. */
export function paramNames(problem: Problem | null): string[] {
  if (problem?.design) return ["operations", "arguments"];
  return problem?.signature?.params.map((param) => param.name) ?? [];
}

export interface CompileMark {
  line: number;
  column: number;
  message: string;
}

/**
 * The lines a compiler's message points at: gcc/g++/go/rustc/javac `file:line[:col]`, Python `File "x.py", line N`.
 * A Python frame of code that is not a file (`File "<string>", line 1`: judged's own syntax-check harness) names
 * no line of the participant's.
 */
export function compileMarks(output: string): CompileMark[] {
  const marks: CompileMark[] = [];
  const seen = new Set<number>();
  for (const text of output.split("\n")) {
    if (/File "<[^"]*>"/.test(text)) continue;
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

function field(name: string, value: string): HTMLElement {
  return h("div", { class: "io" }, h("h4", {}, name), h("pre", { class: "output" }, value));
}

/** What the program printed during one case, under that case's output ("Stdout", as LeetCode labels it). */
function caseStdout(text: string): HTMLElement {
  return h("div", { class: "case-stdout" }, h("span", { class: "stdout-label" }, "Stdout"), h("pre", {}, text));
}

function given(value: unknown): boolean {
  return value !== undefined && value !== null;
}

/** Passed and total tests: the API's count (`progress`, over every test of the problem), else the results sent. */
export function testCount(submission: Submission): { passed: number; total: number } | null {
  if (submission.progress) return submission.progress;
  const tests = submission.tests ?? [];
  return tests.length ? { passed: tests.filter((test) => test.verdict === "AC").length, total: tests.length } : null;
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
          ` ${progress.passed} / ${progress.total} tests passed`,
        )
      : null,
  );
}

export function verdictView(submission: Submission, jump: (line: number) => void, params: readonly string[] = []): HTMLElement {
  const verdict = submission.verdict ?? "IE";
  const tests = submission.tests ?? [];
  const count = testCount(submission);
  const failure = submission.failure;
  const hidden = failure && !given(failure.input) && !given(failure.expected) && !given(failure.actual);
  // The message is the failure's (judged copies it to both): shown once, with its own line breaks.
  const message = submission.message && verdict !== "CE" && verdict !== "AC" && submission.message !== failure?.message ? submission.message : "";
  return h(
    "div",
    { class: "verdict-view", "data-verdict": verdict },
    h(
      "p",
      { class: "verdict-line" },
      verdictBadge(verdict),
      h("strong", {}, ` ${VERDICT_NAMES[verdict] ?? verdict}`),
      count ? ` · ${count.passed} / ${count.total} tests passed` : "",
      verdict !== "CE" ? ` · ${seconds(submission.time)} · ${mebibytes(submission.memory)}` : "",
    ),
    message ? h("p", { class: "message" }, message) : null,
    verdict === "CE" ? compileErrorView(submission.compile_output ?? "", jump) : null,
    failure
      ? h(
          "section",
          { class: "failure", "aria-label": "First failing test" },
          h("h3", {}, `First failing test: #${failure.index + 1}`, failure.sample ? " (sample)" : hidden ? " (hidden)" : "", " ", verdictBadge(failure.verdict)),
          failure.message ? h("p", { class: "message" }, failure.message) : null,
          hidden ? h("p", { class: "hidden-test" }, "Hidden test: its input, the expected output and your program's output are not shown.") : null,
          given(failure.input) ? field("Input", inputText(failure.input, params)) : null,
          given(failure.expected) ? field("Expected", show(failure.expected)) : null,
          given(failure.actual) ? field("Actual", show(failure.actual)) : null,
        )
      : null,
    tests.length ? testGrid(submission) : null,
  );
}

function testGrid(submission: Submission): HTMLElement {
  return h(
    "details",
    { class: "tests" },
    h("summary", {}, perTestSummary(submission)),
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

function perTestSummary(submission: Submission): string {
  const shown = (submission.tests ?? []).length;
  const total = submission.progress?.total ?? shown;
  return total > shown ? `Per-test results (${shown} of ${total} run: judging stops at the first failure)` : `Per-test results (${shown})`;
}

function same(left: unknown, right: unknown): boolean {
  if (typeof left === "string" && typeof right === "string") return left.trim().split(/\s+/).join(" ") === right.trim().split(/\s+/).join(" ");
  return JSON.stringify(left) === JSON.stringify(right);
}

export function runView(run: Run, jump: (line: number) => void, params: readonly string[] = []): HTMLElement {
  const report = run.report;
  if (!report) return h("p", {}, "No report.");
  const outcome = report.outcome;
  if (outcome.status === "compile_error") {
    return h("div", { "data-run": "compile_error" }, h("p", {}, verdictBadge("CE"), " Compile error"), compileErrorView(outcome.compile_output, jump));
  }
  const perCase = outcome.outputs.some((output) => output.stdout); // each case's prints under its output, as LeetCode
  const rows = report.inputs.map((input, index) => {
    const output = outcome.outputs[index];
    const expected = report.expected?.[index];
    const ok = output?.status === "ok" && report.expected ? same(output.value, expected) : null;
    return h(
      "tr",
      {},
      h("th", { scope: "row" }, String(index + 1)),
      h("td", {}, h("pre", {}, inputText(input, params))),
      h("td", {}, h("pre", {}, output ? (output.status === "ok" ? show(output.value) : output.message ?? output.status) : "–"), output?.stdout ? caseStdout(output.stdout) : null),
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
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "Case"), h("th", { scope: "col" }, "Input"), h("th", { scope: "col" }, "Output"), h("th", { scope: "col" }, report.expected_from ? `Expected (from ${report.expected_from})` : "Expected"), h("th", { scope: "col" }, ""))),
        h("tbody", {}, rows),
      ),
    ),
    outcome.stdout && !perCase ? field("Printed (stdout, every case)", outcome.stdout) : null,
    outcome.stderr ? field("stderr", outcome.stderr) : null,
  );
}

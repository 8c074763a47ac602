// A problem's page: the statement at once, the editor (Monaco) loaded lazily beside it,
// runs on the samples or custom input, submissions with the verdict arriving live.
// The left pane has two tabs, Description and Submissions; below 1000 px a third, Code, shows the editor.
import { get, type Competition, type Problem } from "./api";
import { fetchProblem, LANGUAGE_KEY, preferredLanguage } from "./catalog";
import type { CodeEditor } from "./editor";
import { clear, h, show } from "./dom";
import { renderMarkdown } from "./markdown";
import type { Update } from "./router";
import { inputText } from "./results";
import { SubmissionsPanel } from "./submissions";
import { ProblemTabs, parseTab } from "./tabs";
import { Workspace } from "./workspace";

export async function problemPage(main: HTMLElement, _params: URLSearchParams, signal: AbortSignal, slug: string, tail: string): Promise<Update | void> {
  return showProblem(main, signal, slug, null, null, tail);
}

export async function competitionProblemPage(
  main: HTMLElement,
  _params: URLSearchParams,
  signal: AbortSignal,
  competitionId: string,
  label: string,
  tail: string,
): Promise<Update | void> {
  const competition = await get<Competition>(`/v1/competitions/${encodeURIComponent(competitionId)}`, signal);
  const entry = competition.problems.find((problem) => problem.label === label);
  if (!entry) throw new Error(`Competition ${competition.title} has no problem ${label}.`);
  if (competition.state === "scheduled" && competition.hide_problems !== false) {
    // judged shows a competition's problems to participants only from its start (docs/security.md).
    try {
      return await showProblem(main, signal, entry.problem, competition, label, tail); // an admin's token sees it already
    } catch {
      clear(main, h("p", { class: "notice", role: "note" }, `Problem ${label} of ${competition.title} is shown when the competition starts.`));
    }
    return;
  }
  return showProblem(main, signal, entry.problem, competition, label, tail);
}

async function showProblem(
  main: HTMLElement,
  signal: AbortSignal,
  slug: string,
  competition: Competition | null,
  label: string | null,
  tail: string,
): Promise<Update | void> {
  clear(main, h("p", { "aria-busy": "true" }, "Loading the problem…"));
  const first = await fetchProblem(slug, localStorage.getItem(LANGUAGE_KEY) ?? "python").catch(() => fetchProblem(slug, "python"));
  if (signal.aborted) return undefined;
  const language = preferredLanguage(first.languages);
  const problem = language === first.language ? first : await fetchProblem(slug, language);
  document.title = `${label ? `${label}. ` : ""}${problem.title} · judged`;
  const statement = statementView(problem, competition, label);
  const base = competition ? `#/competitions/${encodeURIComponent(competition.id)}/problems/${encodeURIComponent(label ?? "")}` : `#/problems/${encodeURIComponent(slug)}`;
  let tabs: ProblemTabs | null = null;
  const reveal = (line: number) => {
    tabs?.showCode();
    workspace.reveal(line);
  };
  const submissions = new SubmissionsPanel(slug, competition, (id) => `${base}/submissions${id === null ? "" : `/${encodeURIComponent(id)}`}`, reveal, signal);
  const workspace = new Workspace(problem, competition, signal, (submission) => submissions.remember(submission));
  tabs = new ProblemTabs(base, statement, submissions, workspace.element);
  clear(main, tabs.element);
  tabs.select(parseTab(tail), false);
  performance.mark("judged:statement");
  main.dataset.page = "problem";
  void loadEditor(workspace, signal);
  const shown = tabs;
  // Another tab of the same problem is drawn here, keeping the editor and what is typed in it.
  return (_params, ...parts) => {
    const same = competition ? parts[0] === competition.id && parts[1] === label : parts[0] === slug;
    if (same) shown.select(parseTab(parts[parts.length - 1] ?? ""), true);
    return same;
  };
}

async function loadEditor(workspace: Workspace, signal: AbortSignal): Promise<void> {
  const module = await import("./editor");
  if (signal.aborted) return;
  workspace.attach((host, code, language, label): CodeEditor => module.createEditor(host, code, language, label));
  performance.mark("judged:editor");
}

function statementView(problem: Problem, competition: Competition | null, label: string | null): HTMLElement {
  const crumbs = competition
    ? h("a", { href: `#/competitions/${encodeURIComponent(competition.id)}` }, `← ${competition.title}`)
    : h("a", { href: "#/problems" }, "← Problems");
  const body = h("div", { class: "markdown" });
  body.innerHTML = renderMarkdown(problem.statement);
  return h(
    "article",
    { class: "statement", "aria-labelledby": "problem-title" },
    h("nav", { class: "crumbs", "aria-label": "Back" }, crumbs),
    h("h1", { id: "problem-title" }, label ? `${label}. ${problem.title}` : problem.title),
    h(
      "p",
      { class: "meta" },
      h("span", { class: `difficulty difficulty-${problem.difficulty}` }, problem.difficulty),
      ...problem.tags.map((tag) => h("a", { class: "tag", href: `#/problems?tag=${encodeURIComponent(tag)}` }, tag)),
    ),
    h(
      "dl",
      { class: "limits" },
      h("dt", {}, "Time limit"),
      h("dd", {}, `${problem.limits.time_limit} s`),
      h("dt", {}, "Memory limit"),
      h("dd", {}, `${problem.limits.memory_limit} MiB`),
      problem.signature
        ? [
            h("dt", {}, "Signature"),
            h(
              "dd",
              {},
              h("code", {}, `${problem.signature.name}(${problem.signature.params.map((p) => `${p.name}: ${p.type}`).join(", ")}) → ${problem.signature.returns}`),
            ),
          ]
        : [h("dt", {}, "Format"), h("dd", {}, "Reads standard input, writes standard output")],
    ),
    body,
    problem.samples.length && !statementShowsSamples(problem) ? samplesView(problem) : null,
  );
}

/** Without spaces, where "weights = [1, 7, 3]" and `{"weights":[1,7,3]}` read alike. */
function squeezed(text: string): string {
  return text.replace(/\s+/g, "");
}

/**
 * Whether the statement already shows every sample (most statements have "Sample Input 1" or "Example 1"
 * sections): then the samples are not drawn a second time below it.
 */
function statementShowsSamples(problem: Problem): boolean {
  if (!/(^|\n)\s*(#+|\*\*)?\s*(samples?|examples?)\b/i.test(problem.statement)) return false;
  const statement = squeezed(problem.statement);
  return problem.samples.every((sample) =>
    inputText(sample.input)
      .split("\n")
      .every((line) => statement.includes(squeezed(line))),
  );
}

function samplesView(problem: Problem): HTMLElement {
  return h(
    "section",
    { class: "samples", "aria-labelledby": "samples-title" },
    h("h2", { id: "samples-title" }, "Samples"),
    problem.samples.map((sample, index) =>
      h(
        "div",
        { class: "sample" },
        h("h3", {}, `Sample ${index + 1}`),
        h("div", { class: "io" }, h("h4", {}, "Input"), h("pre", {}, inputText(sample.input))),
        h("div", { class: "io" }, h("h4", {}, "Output"), h("pre", {}, show(sample.output))),
      ),
    ),
  );
}

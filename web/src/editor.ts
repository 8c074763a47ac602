// The code editor: Monaco, loaded lazily (import("./editor")) once the statement is on screen.
// Only the editor core, the contributions a solver uses and the grammars of judged's ten
// languages are bundled, not the whole of Monaco (its language services, 80 grammars).
import * as monaco from "monaco-editor/editor/editor.api.js";
import "monaco-editor/editor/browser/coreCommands.js";
import "monaco-editor/editor/contrib/bracketMatching/browser/bracketMatching.js";
import "monaco-editor/editor/contrib/clipboard/browser/clipboard.js";
import "monaco-editor/editor/contrib/comment/browser/comment.js";
import "monaco-editor/editor/contrib/cursorUndo/browser/cursorUndo.js";
import "monaco-editor/editor/contrib/find/browser/findController.js";
import "monaco-editor/editor/contrib/folding/browser/folding.js";
import "monaco-editor/editor/contrib/hover/browser/hoverContribution.js";
import "monaco-editor/editor/contrib/gotoError/browser/gotoError.js";
import "monaco-editor/editor/contrib/indentation/browser/indentation.js";
import "monaco-editor/editor/contrib/linesOperations/browser/linesOperations.js";
import "monaco-editor/editor/contrib/multicursor/browser/multicursor.js";
import "monaco-editor/editor/contrib/toggleTabFocusMode/browser/toggleTabFocusMode.js";
import "monaco-editor/editor/contrib/wordHighlighter/browser/wordHighlighter.js";
import "monaco-editor/editor/contrib/wordOperations/browser/wordOperations.js";
import "monaco-editor/editor/common/standaloneStrings.js";
import "../node_modules/monaco-editor/esm/vs/base/browser/ui/codicons/codicon/codicon.css";
import "monaco-editor/languages/definitions/cpp/register.js";
import "monaco-editor/languages/definitions/go/register.js";
import "monaco-editor/languages/definitions/java/register.js";
import "monaco-editor/languages/definitions/javascript/register.js";
import "monaco-editor/languages/definitions/python/register.js";
import "monaco-editor/languages/definitions/rust/register.js";
import "monaco-editor/languages/definitions/typescript/register.js";
import "monaco-editor/languages/definitions/ruby/register.js";
import "monaco-editor/languages/definitions/php/register.js";
import "monaco-editor/languages/definitions/scheme/register.js";
import "monaco-editor/languages/definitions/csharp/register.js";
import "monaco-editor/languages/definitions/kotlin/register.js";
import "monaco-editor/languages/definitions/scala/register.js";
import "monaco-editor/languages/definitions/elixir/register.js";
import EditorWorker from "monaco-editor/editor/editor.worker.js?worker";

(self as unknown as { MonacoEnvironment: object }).MonacoEnvironment = {
  getWorker: () => new EditorWorker(),
};

/** judged's language ids to Monaco's (the same but Racket's; a new language adds its grammar above and a line here). */
const MONACO_LANGUAGE: Record<string, string> = {
  python: "python",
  c: "c",
  cpp: "cpp",
  java: "java",
  javascript: "javascript",
  go: "go",
  rust: "rust",
  typescript: "typescript",
  ruby: "ruby",
  php: "php",
  racket: "scheme", // Monaco has no Racket grammar; Scheme's is its nearest
  csharp: "csharp",
  kotlin: "kotlin",
  scala: "scala",
  elixir: "elixir",
  // erlang: Monaco has no Erlang grammar; it is shown as plain text.
};

export interface CodeEditor {
  value(): string;
  setValue(code: string, language: string): void;
  onChange(listener: () => void): void;
  markLines(lines: { line: number; column: number; message: string }[]): void;
  reveal(line: number): void;
  focus(): void;
}

export function createEditor(host: HTMLElement, code: string, language: string, label: string): CodeEditor {
  const editor = monaco.editor.create(host, {
    value: code,
    language: MONACO_LANGUAGE[language] ?? "plaintext",
    automaticLayout: true,
    minimap: { enabled: false },
    fontSize: 14,
    tabSize: 4,
    scrollBeyondLastLine: false,
    ariaLabel: label,
    accessibilitySupport: "auto",
    theme: "vs",
  });
  host.dataset.editor = "ready";
  return {
    value: () => editor.getValue(),
    setValue(text, lang) {
      const model = editor.getModel();
      if (!model) return;
      monaco.editor.setModelLanguage(model, MONACO_LANGUAGE[lang] ?? "plaintext");
      monaco.editor.setModelMarkers(model, "judged", []);
      editor.setValue(text);
    },
    onChange(listener) {
      editor.onDidChangeModelContent(listener);
    },
    markLines(lines) {
      const model = editor.getModel();
      if (!model) return;
      const markers = lines
        .filter((mark) => mark.line >= 1 && mark.line <= model.getLineCount())
        .map((mark) => ({
          severity: monaco.MarkerSeverity.Error,
          message: mark.message,
          startLineNumber: mark.line,
          startColumn: Math.max(1, mark.column),
          endLineNumber: mark.line,
          endColumn: model.getLineMaxColumn(mark.line),
        }));
      monaco.editor.setModelMarkers(model, "judged", markers);
    },
    reveal(line) {
      editor.revealLineInCenter(line);
      editor.setPosition({ lineNumber: line, column: 1 });
      editor.focus();
    },
    focus: () => editor.focus(),
  };
}

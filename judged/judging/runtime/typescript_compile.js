// The compile step of a TypeScript submission: `node typescript_compile.js SRC OUT`.
//
// Type-checks SRC/solution.ts as LeetCode compiles TypeScript (a script, not a module: its functions are
// globals; target ES2022; not --strict), with LeetCode's globals declared (ListNode, TreeNode, the graph _Node, NestedInteger, lodash's `_`,
// the @datastructures-js queues, Node's own types), and writes OUT/solution.js. SRC/main.js is either the
// judge's JavaScript harness (a function problem), copied to OUT/main.js beside it, or a copy of the program
// itself (an I/O problem), whose compiled text OUT/main.js then is. A type error is a compile error: each is
// printed as `solution.ts:LINE:COLUMN - error TSnnnn: message`, exit status 1.
// The compiler is npm's `typescript`, found on NODE_PATH (the read-only node_modules the TOML mounts).
'use strict';

const fs = require('fs');
const path = require('path');
const ts = require('typescript');

const [src, out] = process.argv.slice(2);
const MODULES = (process.env.NODE_PATH || '').split(':').filter(Boolean)[0] || '/nonexistent';

// LeetCode's environment, as declarations: the harness defines these at run time.
const GLOBALS = `
declare class ListNode {
    val: number;
    next: ListNode | null;
    constructor(val?: number, next?: ListNode | null);
}
declare class TreeNode {
    val: number;
    left: TreeNode | null;
    right: TreeNode | null;
    constructor(val?: number, left?: TreeNode | null, right?: TreeNode | null);
}
declare class _Node {
    val: number;
    neighbors: _Node[];
    constructor(val?: number, neighbors?: _Node[]);
}
declare class NestedInteger {
    constructor(value?: number);
    isInteger(): boolean;
    getInteger(): number | null;
    setInteger(value: number): void;
    add(elem: NestedInteger): void;
    getList(): NestedInteger[];
}
declare const _: typeof import('lodash');
declare const PriorityQueue: typeof import('@datastructures-js/priority-queue').PriorityQueue;
declare const MinPriorityQueue: typeof import('@datastructures-js/priority-queue').MinPriorityQueue;
declare const MaxPriorityQueue: typeof import('@datastructures-js/priority-queue').MaxPriorityQueue;
declare const Queue: typeof import('@datastructures-js/queue').Queue;
declare const Deque: typeof import('@datastructures-js/deque').Deque;
`;
const GLOBALS_FILE = path.join(out, 'leetcode-globals.d.ts');

const options = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2023.d.ts'],
  module: ts.ModuleKind.CommonJS,
  moduleResolution: ts.ModuleResolutionKind.Node10,
  baseUrl: MODULES,
  typeRoots: [path.join(MODULES, '@types')],
  types: ['node'],
  strict: false,
  noEmitOnError: true,
  skipLibCheck: true,
  outDir: out,
  rootDir: src,
  newLine: ts.NewLineKind.LineFeed,
};

function report(diagnostics) {
  for (const diagnostic of diagnostics) {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
    if (diagnostic.file && diagnostic.start !== undefined) {
      const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
      const name = path.basename(diagnostic.file.fileName);
      process.stderr.write(`${name}:${line + 1}:${character + 1} - error TS${diagnostic.code}: ${message}\n`);
    } else {
      process.stderr.write(`error TS${diagnostic.code}: ${message}\n`);
    }
  }
}

function main() {
  const solution = path.join(src, 'solution.ts');
  fs.writeFileSync(GLOBALS_FILE, GLOBALS);
  const program = ts.createProgram([solution, GLOBALS_FILE], options);
  const diagnostics = ts.getPreEmitDiagnostics(program).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (diagnostics.length) {
    report(diagnostics);
    return 1;
  }
  const emitted = program.emit(program.getSourceFile(solution));
  if (emitted.emitSkipped) {
    report(emitted.diagnostics);
    return 1;
  }
  fs.unlinkSync(GLOBALS_FILE);
  const main = fs.readFileSync(path.join(src, 'main.js'), 'utf8');
  const program_text = fs.readFileSync(solution, 'utf8');
  if (main === program_text) {
    fs.copyFileSync(path.join(out, 'solution.js'), path.join(out, 'main.js'));
  } else {
    fs.writeFileSync(path.join(out, 'main.js'), main);
  }
  return 0;
}

process.exitCode = main();

// The syntax check of a JavaScript submission: `node --experimental-vm-modules javascript_check.js SRC`.
//
// A function problem's solution.js (main.js is then the judge's harness, which runs it with
// vm.runInThisContext) is parsed as that classic script. Otherwise main.js is a copy of the program's entry
// that solution.js holds too, and every .js, .mjs and .cjs file but main.js is parsed the way Node 20 will
// load it, without running it:
// - .mjs (or .js under a package.json with "type": "module") as an ES module;
// - .cjs (or .js under "type": "commonjs") as CommonJS;
// - any other .js as Node's module detection does: CommonJS, unless that parse fails on ES-module syntax
//   (import/export declarations, import.meta) or on what only a module allows (top-level await) and the
//   file parses as a module. `node --check` itself passes a .js with import syntax unchecked.
// The first syntax error is thrown uncaught: Node prints it with its file, line and caret, exit status 1.
'use strict';

const fs = require('fs');
const path = require('path');
const vm = require('vm');

// Node's own lists (src/node_contextify.cc): the CommonJS parse errors that mean "this is a module".
const MODULE_SYNTAX = [
  'Cannot use import statement outside a module',
  "Unexpected token 'export'",
  "Cannot use 'import.meta' outside a module",
];
const MODULE_ONLY = [
  "Identifier 'module' has already been declared",
  "Identifier 'exports' has already been declared",
  "Identifier 'require' has already been declared",
  "Identifier '__filename' has already been declared",
  "Identifier '__dirname' has already been declared",
  'await is only valid in async functions and the top level bodies of modules',
];
Error.stackTraceLimit = 1; // the parser's frame only, as `node --check` shows it
const CJS_PARAMS = ['exports', 'require', 'module', '__filename', '__dirname'];

function asModule(source, file) {
  new vm.SourceTextModule(source, { identifier: file });
}

function asCommonJS(source, file) {
  // A leading #! line is a comment to Node; inside a function body it is not, so it becomes one.
  const body = source.startsWith('#!') ? '//' + source.slice(2) : source;
  vm.compileFunction(body, CJS_PARAMS, { filename: file });
}

function detected(source, file) {
  try {
    asCommonJS(source, file);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    if (MODULE_SYNTAX.includes(error.message)) return asModule(source, file);
    if (!MODULE_ONLY.includes(error.message)) throw error;
    try {
      asModule(source, file);
    } catch {
      throw error; // not a module either: the CommonJS error, as Node reports it
    }
  }
}

function packageType(folder) {
  try {
    const type = JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')).type;
    return type === 'module' || type === 'commonjs' ? type : undefined;
  } catch {
    return undefined;
  }
}

function read(folder, name) {
  try {
    return fs.readFileSync(path.join(folder, name), 'utf8');
  } catch {
    return undefined;
  }
}

function check(folder) {
  const solution = read(folder, 'solution.js');
  const main = read(folder, 'main.js');
  if (solution !== undefined && main !== undefined && main !== solution) {
    new vm.Script(solution, { filename: path.join(folder, 'solution.js') }); // the harness's way
    return;
  }
  const type = packageType(folder);
  for (const name of fs.readdirSync(folder).sort()) {
    const extension = path.extname(name);
    if (name === 'main.js' || !['.js', '.mjs', '.cjs'].includes(extension)) continue;
    const file = path.join(folder, name);
    const source = fs.readFileSync(file, 'utf8');
    if (extension === '.mjs' || (extension === '.js' && type === 'module')) asModule(source, file);
    else if (extension === '.cjs' || type === 'commonjs') asCommonJS(source, file);
    else detected(source, file);
  }
}

check(process.argv[2]);

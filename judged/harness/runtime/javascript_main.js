'use strict';
// The JavaScript harness: the main.js that runs a user's solution.js on the judge's tests.
//
// judged.harness.lang_javascript.build copies this text into main.js and
// appends one line, `run({"name": "twoSum", "params": ["int[]", "int"], "returns": "int[]"});`.
// It runs as `node --stack-size=65500 main.js` with only Node's own modules,
// and speaks docs/harness-protocol.md: a JSON array of arguments per line on
// stdin, one {"v": ..., "t": ...} or {"e": ..., "t": ...} line per test on fd 3.
//
// The user's file runs as a script in this context (vm.runInThisContext under
// its own file name, so errors show the user's lines and columns), with
// LeetCode's ListNode, TreeNode, graph _Node (also as Node, its older name) and NestedInteger
// as globals; the function is then looked up
// by name, so `var f = function`, `function f` and `const f = () =>` all work.
// LeetCode's libraries are globals too, as there: lodash as `_`, and
// PriorityQueue, MinPriorityQueue, MaxPriorityQueue, Queue and Deque from
// @datastructures-js, each loaded on first use from the read-only
// node_modules the language's TOML mounts (NODE_PATH).
//
// Numbers: every argument is a plain number, as on LeetCode, so a `long`
// beyond 2^53 reaches the function as the nearest double. Integer results are
// written exactly, never in exponent notation; a BigInt result is accepted
// for int and long. A result of the wrong type (undefined, a string for an
// int, ...) is written as null, which no valid expected value equals; so is
// an integer outside 64 bits.

const fs = require('fs');
const path = require('path');
const util = require('util');
const vm = require('vm');

const RESULTS_FD = 3;
const EXIT_USER_ERROR = 1;
const EXIT_BAD_TEST = 3;
const LONG_LIMIT = 2n ** 63n; // an integer result outside 64 bits is no valid answer: null
const MAX_NODES = 1000000; // a ListNode or TreeNode result with more nodes than this has a cycle
const SOLUTION_PATH = path.join(__dirname, 'solution.js');
// Run mode's per-run boundary between two tests' prints (docs/harness-protocol.md); undefined when judging.
const CASE_MARK = process.env.JUDGED_CASE_MARK;
delete process.env.JUDGED_CASE_MARK;
const writeStdout = process.stdout.write.bind(process.stdout); // before the user's code can replace it

function ListNode(val, next) {
  this.val = (val === undefined ? 0 : val);
  this.next = (next === undefined ? null : next);
}

function TreeNode(val, left, right) {
  this.val = (val === undefined ? 0 : val);
  this.left = (left === undefined ? null : left);
  this.right = (right === undefined ? null : right);
}

function _Node(val, neighbors) {
  this.val = val === undefined ? 0 : val;
  this.neighbors = neighbors === undefined ? [] : neighbors;
}

// LeetCode's NestedInteger: a single integer (`new NestedInteger(5)`) or a list (`new NestedInteger()`, `add`).
function NestedInteger(value) {
  this.integer = value === undefined ? null : value;
  this.list = value === undefined ? [] : null;
}
NestedInteger.prototype.isInteger = function () {
  return this.list === null;
};
NestedInteger.prototype.getInteger = function () {
  return this.integer;
};
NestedInteger.prototype.setInteger = function (value) {
  this.integer = value;
  this.list = null;
};
NestedInteger.prototype.add = function (elem) {
  if (this.list === null) {
    this.integer = null;
    this.list = [];
  }
  this.list.push(elem);
};
NestedInteger.prototype.getList = function () {
  return this.list === null ? [] : this.list; // TypeScript's form: an empty list for an integer
};

class BadTest extends Error {} // a test line the harness cannot decode: the judge's bug
class Mismatch extends Error {} // a result that is not of the signature's type: written as null
class Cycle extends Error {} // a ListNode or TreeNode result too long to be anything but a cycle

function parseKind(text) {
  const base = text.replace(/(\[\])+$/, '');
  return { base, depth: (text.length - base.length) / 2 };
}

function show(value) {
  return util.inspect(value, { depth: 1, maxArrayLength: 3, maxStringLength: 40 });
}

// Decoding the judge's arguments.

function decode(value, kind) {
  if (kind.depth === 0) {
    return DECODERS[kind.base](value);
  }
  if (!Array.isArray(value)) {
    throw new BadTest(`expected an array, got ${show(value)}`);
  }
  const element = { base: kind.base, depth: kind.depth - 1 };
  return value.map((item) => decode(item, element));
}

function checked(test, what) {
  return (value) => {
    if (!test(value)) {
      throw new BadTest(`expected ${what}, got ${show(value)}`);
    }
    return value;
  };
}

const decodeInteger = checked(Number.isInteger, 'an integer');

function decodeListNode(value) {
  if (!Array.isArray(value)) {
    throw new BadTest(`expected an array of int, got ${show(value)}`);
  }
  let head = null;
  for (let index = value.length - 1; index >= 0; index--) {
    head = new ListNode(decodeInteger(value[index]), head);
  }
  return head;
}

function decodeTreeNode(value) {
  if (!Array.isArray(value)) {
    throw new BadTest(`expected a level-order array, got ${show(value)}`);
  }
  if (value.length === 0) {
    return null;
  }
  const child = (index) => (index < value.length && value[index] !== null ? new TreeNode(decodeInteger(value[index])) : null);
  const root = child(0);
  const parents = [root];
  let next = 0; // the first parent still without children
  for (let index = 1; index < value.length; index += 2) {
    if (next === parents.length) {
      if (value.slice(index).some((item) => item !== null)) {
        throw new BadTest(`tree node ${index} has no parent`);
      }
      break;
    }
    const parent = parents[next++];
    parent.left = child(index);
    parent.right = child(index + 1);
    for (const node of [parent.left, parent.right]) {
      if (node !== null) {
        parents.push(node);
      }
    }
  }
  return root;
}

function decodeGraphNode(value) {
  if (!Array.isArray(value)) {
    throw new BadTest(`expected an adjacency list, got ${show(value)}`);
  }
  const nodes = value.map((_, index) => new _Node(index + 1));
  value.forEach((neighbours, index) => {
    if (!Array.isArray(neighbours)) {
      throw new BadTest(`expected a list of neighbours, got ${show(neighbours)}`);
    }
    for (const neighbour of neighbours) {
      const number = decodeInteger(neighbour);
      if (number < 1 || number > nodes.length) {
        throw new BadTest(`no node ${number} in a graph of ${nodes.length}`);
      }
      nodes[index].neighbors.push(nodes[number - 1]);
    }
  });
  return nodes.length > 0 ? nodes[0] : null;
}

function decodeNestedInteger(value) {
  if (Array.isArray(value)) {
    const nested = new NestedInteger();
    for (const item of value) nested.add(decodeNestedInteger(item));
    return nested;
  }
  return new NestedInteger(decodeInteger(value));
}

const DECODERS = {
  int: decodeInteger,
  long: decodeInteger,
  double: checked((value) => typeof value === 'number', 'a number'),
  bool: checked((value) => typeof value === 'boolean', 'a bool'),
  string: checked((value) => typeof value === 'string', 'a string'),
  char: checked((value) => typeof value === 'string' && value.length === 1, 'a one-character string'),
  ListNode: decodeListNode,
  TreeNode: decodeTreeNode,
  Node: decodeGraphNode,
  NestedInteger: decodeNestedInteger,
};

function decodeTest(line, kinds) {
  let values;
  try {
    values = JSON.parse(line);
  } catch (error) {
    throw new BadTest(`not JSON: ${error.message}`);
  }
  if (!Array.isArray(values) || values.length !== kinds.length) {
    throw new BadTest(`expected an array of ${kinds.length} arguments`);
  }
  return values.map((value, index) => decode(value, kinds[index]));
}

// Encoding results.

function encode(value, kind) {
  if (kind.depth === 0) {
    return ENCODERS[kind.base](value);
  }
  if (!Array.isArray(value) && !(ArrayBuffer.isView(value) && !(value instanceof DataView))) {
    throw new Mismatch();
  }
  const element = { base: kind.base, depth: kind.depth - 1 };
  return `[${Array.from(value, (item) => encode(item, element)).join(',')}]`;
}

function encodeInteger(value) {
  if (Number.isSafeInteger(value)) {
    return String(value);
  }
  const exact = Number.isInteger(value) ? BigInt(value) : value;
  if (typeof exact !== 'bigint' || exact < -LONG_LIMIT || exact >= LONG_LIMIT) {
    throw new Mismatch();
  }
  return exact.toString();
}

function encodeDouble(value) {
  if (typeof value !== 'number') {
    throw new Mismatch();
  }
  if (Number.isNaN(value)) {
    return '"NaN"';
  }
  if (!Number.isFinite(value)) {
    return value > 0 ? '"Infinity"' : '"-Infinity"';
  }
  return Object.is(value, -0) ? '-0.0' : String(value); // String() is the shortest round-trip form
}

function encodeText(test) {
  return (value) => {
    if (!test(value)) {
      throw new Mismatch();
    }
    return JSON.stringify(value);
  };
}

function isNode(value) {
  return typeof value === 'object' && value !== null && 'val' in value;
}

function encodeListNode(head) {
  if (head === undefined) {
    throw new Mismatch();
  }
  const items = [];
  for (let node = head; node !== null && node !== undefined; node = node.next) {
    if (!isNode(node)) {
      throw new Mismatch();
    }
    if (items.length === MAX_NODES) {
      throw new Cycle('ListNode has a cycle');
    }
    items.push(encodeInteger(node.val));
  }
  return `[${items.join(',')}]`;
}

function encodeTreeNode(root) {
  if (root === undefined) {
    throw new Mismatch();
  }
  const items = [];
  const queue = [root];
  let nodes = 0;
  for (let index = 0; index < queue.length; index++) {
    const node = queue[index];
    if (node === null || node === undefined) {
      items.push('null');
      continue;
    }
    if (!isNode(node)) {
      throw new Mismatch();
    }
    if (++nodes > MAX_NODES) {
      throw new Cycle('TreeNode has a cycle');
    }
    items.push(encodeInteger(node.val));
    queue.push(node.left, node.right);
  }
  while (items.length > 0 && items[items.length - 1] === 'null') {
    items.pop();
  }
  return `[${items.join(',')}]`;
}

// The adjacency list of the graph reachable from `start`, by value: its values must be 1..n, once each.
function encodeGraphNode(start) {
  if (start === undefined) {
    throw new Mismatch();
  }
  if (start === null) {
    return '[]';
  }
  const neighboursOf = new Map();
  const seen = new Set([start]);
  const queue = [start];
  for (let index = 0; index < queue.length; index++) {
    const node = queue[index];
    if (!isNode(node) || !Number.isInteger(node.val) || neighboursOf.has(node.val) || !Array.isArray(node.neighbors)) {
      throw new Mismatch();
    }
    neighboursOf.set(node.val, node.neighbors);
    for (const neighbour of node.neighbors) {
      if (!seen.has(neighbour)) {
        seen.add(neighbour);
        queue.push(neighbour);
      }
    }
  }
  const rows = [];
  for (let value = 1; value <= neighboursOf.size; value++) {
    if (!neighboursOf.has(value)) {
      throw new Mismatch();
    }
    rows.push(`[${neighboursOf.get(value).map((node) => node.val).join(',')}]`);
  }
  return `[${rows.join(',')}]`;
}

const ENCODERS = {
  int: encodeInteger,
  long: encodeInteger,
  double: encodeDouble,
  bool: encodeText((value) => typeof value === 'boolean'),
  string: encodeText((value) => typeof value === 'string'),
  char: encodeText((value) => typeof value === 'string' && value.length === 1),
  ListNode: encodeListNode,
  TreeNode: encodeTreeNode,
  Node: encodeGraphNode,
};

// Talking to the judge.

const pause = new Int32Array(new SharedArrayBuffer(4));

function retryOnEagain(operation) {
  for (;;) {
    try {
      return operation();
    } catch (error) {
      if (error.code !== 'EAGAIN') {
        throw error;
      }
      Atomics.wait(pause, 0, 0, 1); // a non-blocking pipe: wait a millisecond
    }
  }
}

function writeResult(line) {
  const data = Buffer.from(line, 'utf8');
  for (let offset = 0; offset < data.length;) {
    offset += retryOnEagain(() => fs.writeSync(RESULTS_FD, data, offset, data.length - offset));
  }
}

// Run mode: the marker where the next test's prints begin, through process.stdout itself (console.log's stream,
// synchronous for a pipe on Linux), so it falls exactly between two tests' prints.
function markCase() {
  if (CASE_MARK !== undefined) {
    writeStdout(CASE_MARK);
  }
}

// The test lines on `fd`, each announced by markCase when it is taken (the previous test is done by then).
function* testLines(fd) {
  const buffer = Buffer.alloc(1 << 16);
  let pending = [];
  for (;;) {
    const count = retryOnEagain(() => fs.readSync(fd, buffer, 0, buffer.length, null));
    if (count === 0) {
      break;
    }
    const chunk = buffer.subarray(0, count);
    let start = 0;
    for (let end = chunk.indexOf(10); end !== -1; end = chunk.indexOf(10, start)) {
      const line = Buffer.concat([...pending, chunk.subarray(start, end)]).toString('utf8');
      pending = [];
      start = end + 1;
      if (line.trim() !== '') {
        markCase();
        yield line;
      }
    }
    pending.push(Buffer.from(chunk.subarray(start)));
  }
  const last = Buffer.concat(pending).toString('utf8');
  if (last.trim() !== '') {
    markCase();
    yield last;
  }
}

function describe(error) {
  try {
    if (error instanceof Error || (typeof error === 'object' && error !== null && 'message' in error)) {
      const name = String(error.name ?? 'Error');
      const message = String(error.message ?? '') + syntaxErrorLine(error);
      return message === '' ? name : `${name}: ${message}`;
    }
    return `Uncaught ${util.inspect(error)}`;
  } catch {
    return 'Uncaught exception';
  }
}

function syntaxErrorLine(error) {
  // Node puts "<file>:<line>" first in the stack of a script that does not compile.
  const prefix = `${SOLUTION_PATH}:`;
  if (!(error instanceof SyntaxError) || typeof error.stack !== 'string' || !error.stack.startsWith(prefix)) {
    return '';
  }
  const line = error.stack.slice(prefix.length).match(/^\d+/);
  return line === null ? '' : ` (${path.basename(SOLUTION_PATH)}, line ${line[0]})`;
}

function userStack(error) {
  let stack;
  try {
    stack = typeof error?.stack === 'string' ? error.stack : describe(error);
  } catch {
    stack = describe(error);
  }
  const lines = stack.split('\n');
  const frames = lines.map((line) => /^\s+at /.test(line));
  let keep = lines.findLastIndex((line, index) => frames[index] && line.includes(SOLUTION_PATH)) + 1;
  if (keep === 0) {
    keep = frames.includes(true) ? frames.indexOf(true) : lines.length; // the harness's frames are not the user's business
  }
  return lines.slice(0, keep).join('\n');
}

function reportError(error, seconds) {
  fs.writeSync(2, `${userStack(error)}\n`);
  writeResult(`${JSON.stringify({ e: describe(error), t: seconds })}\n`);
  return EXIT_USER_ERROR;
}

// LeetCode's JavaScript environment: global name, module, member (null: the module itself).
const LIBRARY_GLOBALS = [
  ['_', 'lodash', null],
  ['PriorityQueue', '@datastructures-js/priority-queue', 'PriorityQueue'],
  ['MinPriorityQueue', '@datastructures-js/priority-queue', 'MinPriorityQueue'],
  ['MaxPriorityQueue', '@datastructures-js/priority-queue', 'MaxPriorityQueue'],
  ['Queue', '@datastructures-js/queue', 'Queue'],
  ['Deque', '@datastructures-js/deque', 'Deque'],
];

// Each library global loads on first use (a solution that uses none pays nothing), and a solution may
// declare its own of the same name (`var _ = ...`, `function Queue() {}`, `class Deque {}`).
function defineLibraryGlobals() {
  for (const [name, module, member] of LIBRARY_GLOBALS) {
    const settle = (value) => {
      Object.defineProperty(globalThis, name, { value, writable: true, configurable: true });
      return value;
    };
    const load = () => {
      try {
        const loaded = require(module);
        return settle(member === null ? loaded : loaded[member]);
      } catch {
        return settle(undefined); // not installed here: the name is simply not defined
      }
    };
    Object.defineProperty(globalThis, name, { get: load, set: settle, configurable: true });
  }
}

function loadSolution(name) {
  Object.assign(globalThis, { ListNode, TreeNode, _Node, Node: _Node, NestedInteger, require });
  defineLibraryGlobals();
  vm.runInThisContext(fs.readFileSync(SOLUTION_PATH, 'utf8'), { filename: SOLUTION_PATH });
  const found = vm.runInThisContext(`typeof ${name} === 'function' ? ${name} : undefined`);
  if (found === undefined) {
    throw new ReferenceError(`${name} is not defined: the solution must define the function ${name}`);
  }
  return found;
}

function seconds(usage) {
  return (usage.user + usage.system) / 1e6;
}

// Every test line, decoded by `decode` and given to `body`; 0 when all ran. A line `decode` cannot read ends
// the run with EXIT_BAD_TEST; `body` ends it early by returning an exit status.
function eachTest(decode, body) {
  let number = 0;
  for (const line of testLines(0)) {
    number++;
    let test;
    try {
      test = decode(line);
    } catch (error) {
      fs.writeSync(2, `judged harness: cannot decode test ${number}: ${error.message}\n`);
      return EXIT_BAD_TEST;
    }
    const status = body(test);
    if (status !== undefined) return status;
  }
  return 0;
}

function runTests(config) {
  const kinds = config.params.map(parseKind);
  const inPlace = config.returns === 'void';
  const resultKind = inPlace ? kinds[0] : parseKind(config.returns);
  let solve;
  try {
    solve = loadSolution(config.name);
  } catch (error) {
    return reportError(error, 0);
  }
  return eachTest((line) => decodeTest(line, kinds), (args) => {
    const start = process.cpuUsage();
    let returned;
    try {
      returned = solve(...args);
    } catch (error) {
      return reportError(error, seconds(process.cpuUsage(start)));
    }
    const spent = seconds(process.cpuUsage(start));
    let text;
    try {
      text = encode(inPlace ? args[0] : returned, resultKind);
    } catch (error) {
      if (error instanceof Cycle) {
        writeResult(`${JSON.stringify({ e: error.message, t: spent })}\n`);
        return EXIT_USER_ERROR;
      }
      if (!(error instanceof Mismatch)) {
        return reportError(error, spent); // the user's node threw
      }
      text = 'null';
    }
    writeResult(`{"v":${text},"t":${spent}}\n`);
  });
}

function run(config) {
  // Exit now: the user's timers and open handles must not keep the run alive.
  process.exit(runTests(config));
}

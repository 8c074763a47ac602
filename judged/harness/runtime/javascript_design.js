// The JavaScript design harness: appended to javascript_main.js, whose codecs and protocol it uses.
//
// One test line is [operations, arguments]: the first operation constructs the
// design class (`var LRUCache = function(capacity) {...}` with prototype
// methods, or an ES6 `class LRUCache`), the others call its methods. The
// result line is {"v": [null, <return>, ...], "t": seconds}: null for the
// constructor and for void methods. A call that throws ends the run.

function decodeOperations(line, className, init, methods) {
  let test;
  try {
    test = JSON.parse(line);
  } catch (error) {
    throw new BadTest(`not JSON: ${error.message}`);
  }
  if (!Array.isArray(test) || test.length !== 2) {
    throw new BadTest('expected [operations, arguments]');
  }
  const [operations, given] = test;
  if (!Array.isArray(operations) || !Array.isArray(given) || operations.length !== given.length) {
    throw new BadTest('expected two lists of one length');
  }
  const decoded = operations.map((operation, index) => {
    let kinds;
    if (index === 0) {
      if (operation !== className) throw new BadTest(`the first operation must be ${className}`);
      kinds = init;
    } else if (methods.has(operation)) {
      kinds = methods.get(operation).kinds;
    } else {
      throw new BadTest(`unknown method ${operation}`);
    }
    const args = given[index];
    if (!Array.isArray(args) || args.length !== kinds.length) {
      throw new BadTest(`${operation}: expected ${kinds.length} arguments`);
    }
    return args.map((value, position) => decode(value, kinds[position]));
  });
  return [operations, decoded];
}

function encodeReturn(returned, kind) {
  try {
    return encode(returned, kind);
  } catch (error) {
    if (error instanceof Mismatch) return 'null'; // no valid expected value is null
    throw error;
  }
}

function runDesignTests(config) {
  const init = config.init.map(parseKind);
  const methods = new Map(
    Object.entries(config.methods).map(([name, [params, returns]]) => [
      name,
      { kinds: params.map(parseKind), result: returns === 'void' ? null : parseKind(returns) },
    ]),
  );
  let DesignClass;
  try {
    DesignClass = loadSolution(config.className);
  } catch (error) {
    return reportError(error, 0);
  }
  return eachTest((line) => decodeOperations(line, config.className, init, methods), ([operations, args]) => {
    const results = ['null'];
    const start = process.cpuUsage();
    try {
      const instance = new DesignClass(...args[0]);
      for (let index = 1; index < operations.length; index++) {
        const method = methods.get(operations[index]);
        if (typeof instance[operations[index]] !== 'function') {
          throw new TypeError(`class ${config.className} has no method ${operations[index]}`);
        }
        const returned = instance[operations[index]](...args[index]);
        results.push(method.result === null ? 'null' : encodeReturn(returned, method.result));
      }
    } catch (error) {
      return reportError(error, seconds(process.cpuUsage(start)));
    }
    writeResult(`{"v":[${results.join(',')}],"t":${seconds(process.cpuUsage(start))}}\n`);
  });
}

function runDesign(config) {
  // Exit now: the user's timers and open handles must not keep the run alive.
  process.exit(runDesignTests(config));
}

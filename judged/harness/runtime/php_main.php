<?php
// The PHP harness: the main.php that runs a user's solution.php on the judge's tests.
//
// judged.harness.lang_php.build copies this text into main.php and appends one
// line, `exit(judged_run("twoSum", ["int[]", "int"], "int[]"));`. It runs as
// `php -n main.php` (no php.ini: the language's TOML sets the few settings
// that matter) and speaks docs/harness-protocol.md: a JSON array of arguments
// per line on stdin, one {"v": ..., "t": ...} or {"e": ..., "t": ...} line per
// test on fd 3.
//
// The user's file is required under its own name (so errors show the user's
// lines), with LeetCode's ListNode, TreeNode, graph Node and NestedInteger defined; `new Solution()` is
// then asked `->twoSum(...)` once per test. A void signature's method takes
// its first parameter by reference (`function sortColors(&$nums)`), as on
// LeetCode, and that argument after the call is the result. A result of the
// wrong type is written as null, which no valid expected value equals; so is
// an integer that overflowed into a float.

const JUDGED_EXIT_USER_ERROR = 1;
const JUDGED_EXIT_BAD_TEST = 3;
const JUDGED_MAX_NODES = 1000000; // a ListNode or TreeNode result with more nodes than this has a cycle
const JUDGED_SOLUTION_FILE = 'solution.php';

class ListNode {
    public $val = 0;
    public $next = null;
    function __construct($val = 0, $next = null) {
        $this->val = $val;
        $this->next = $next;
    }
}

class TreeNode {
    public $val = null;
    public $left = null;
    public $right = null;
    function __construct($val = 0, $left = null, $right = null) {
        $this->val = $val;
        $this->left = $left;
        $this->right = $right;
    }
}

class Node {
    public $val = null;
    public $neighbors = null;
    function __construct($val = 0) {
        $this->val = $val;
        $this->neighbors = array();
    }
}

// LeetCode's nested list item: a single integer (`new NestedInteger(5)`) or a list (`new NestedInteger()`, `add`).
class NestedInteger {
    private $integer;
    private $list;
    function __construct($value = null) {
        $this->integer = $value;
        $this->list = $value === null ? [] : null;
    }
    function isInteger(): bool {
        return $this->list === null;
    }
    function getInteger() {
        return $this->integer;
    }
    function setInteger($i): void {
        $this->integer = $i;
        $this->list = null;
    }
    function add($ni): void {
        if ($this->list === null) {
            $this->integer = null;
            $this->list = [];
        }
        $this->list[] = $ni;
    }
    function getList(): array {
        return $this->list ?? [];
    }
}

final class JudgedBadTest extends Exception {} // a test line the harness cannot decode: the judge's bug
final class JudgedMismatch extends Exception {} // a result that is not of the signature's type: written as null
final class JudgedCycle extends Exception {} // a ListNode or TreeNode result too long to be anything but a cycle

final class JudgedHarness {
    private $results;
    private $caseMark; // run mode's per-run boundary between two tests' prints (docs/harness-protocol.md)

    function __construct() {
        $this->results = fopen('php://fd/3', 'w');
        $mark = getenv('JUDGED_CASE_MARK');
        $this->caseMark = $mark === false ? null : $mark;
        putenv('JUDGED_CASE_MARK');
        unset($_ENV['JUDGED_CASE_MARK'], $_SERVER['JUDGED_CASE_MARK']);
    }

    // Run mode: the marker where the next test's prints begin, echoed through PHP's output layer (the user's echo
    // and print, and any output buffer of theirs), so it falls exactly between two tests' prints. Nothing when judging.
    function markCase(): void {
        if ($this->caseMark !== null) {
            echo $this->caseMark;
        }
    }

    static function kind(string $text): array {
        $base = rtrim($text, '[]');
        return [$base, intdiv(strlen($text) - strlen($base), 2)];
    }

    static function show($value): string {
        return substr(var_export($value, true), 0, 40);
    }

    // Decoding the judge's arguments.

    static function decode($value, array $kind) {
        [$base, $depth] = $kind;
        if ($depth === 0) {
            return self::decodeBase($value, $base);
        }
        if (!is_array($value)) {
            throw new JudgedBadTest('expected an array, got ' . self::show($value));
        }
        return array_map(fn($item) => self::decode($item, [$base, $depth - 1]), $value);
    }

    static function decodeBase($value, string $base) {
        switch ($base) {
            case 'int':
            case 'long':
                return self::decodeInteger($value);
            case 'double':
                if (!is_int($value) && !is_float($value)) {
                    throw new JudgedBadTest('expected a number, got ' . self::show($value));
                }
                return (float) $value;
            case 'bool':
                if (!is_bool($value)) {
                    throw new JudgedBadTest('expected a bool, got ' . self::show($value));
                }
                return $value;
            case 'string':
                if (!is_string($value)) {
                    throw new JudgedBadTest('expected a string, got ' . self::show($value));
                }
                return $value;
            case 'char':
                if (!is_string($value) || strlen($value) !== 1) {
                    throw new JudgedBadTest('expected a one-character string, got ' . self::show($value));
                }
                return $value;
            case 'ListNode':
                return self::decodeListNode($value);
            case 'TreeNode':
                return self::decodeTreeNode($value);
            case 'Node':
                return self::decodeGraphNode($value);
            case 'NestedInteger':
                return self::decodeNestedInteger($value);
        }
        throw new JudgedBadTest("unknown type $base");
    }

    static function decodeInteger($value): int {
        if (!is_int($value)) {
            throw new JudgedBadTest('expected an integer, got ' . self::show($value));
        }
        return $value;
    }

    static function decodeListNode($value): ?ListNode {
        if (!is_array($value)) {
            throw new JudgedBadTest('expected an array of int, got ' . self::show($value));
        }
        $head = null;
        for ($index = count($value) - 1; $index >= 0; $index--) {
            $head = new ListNode(self::decodeInteger($value[$index]), $head);
        }
        return $head;
    }

    static function decodeTreeNode($value): ?TreeNode {
        if (!is_array($value)) {
            throw new JudgedBadTest('expected a level-order array, got ' . self::show($value));
        }
        $count = count($value);
        $child = fn($index) => $index < $count && $value[$index] !== null
            ? new TreeNode(self::decodeInteger($value[$index])) : null;
        if ($count === 0) {
            return null;
        }
        $root = $child(0);
        $parents = [$root];
        $next = 0; // the first parent still without children
        for ($index = 1; $index < $count; $index += 2) {
            if ($next === count($parents)) {
                for ($rest = $index; $rest < $count; $rest++) {
                    if ($value[$rest] !== null) {
                        throw new JudgedBadTest("tree node $index has no parent");
                    }
                }
                break;
            }
            $parent = $parents[$next++];
            $parent->left = $child($index);
            $parent->right = $child($index + 1);
            if ($parent->left !== null) {
                $parents[] = $parent->left;
            }
            if ($parent->right !== null) {
                $parents[] = $parent->right;
            }
        }
        return $root;
    }

    static function decodeGraphNode($value): ?Node {
        if (!is_array($value)) {
            throw new JudgedBadTest('expected an adjacency list, got ' . self::show($value));
        }
        $nodes = [];
        for ($number = 1; $number <= count($value); $number++) {
            $nodes[] = new Node($number);
        }
        foreach ($value as $index => $neighbours) {
            if (!is_array($neighbours)) {
                throw new JudgedBadTest('expected a list of neighbours, got ' . self::show($neighbours));
            }
            foreach ($neighbours as $neighbour) {
                $number = self::decodeInteger($neighbour);
                if ($number < 1 || $number > count($nodes)) {
                    throw new JudgedBadTest("no node $number in a graph of " . count($nodes));
                }
                $nodes[$index]->neighbors[] = $nodes[$number - 1];
            }
        }
        return $nodes ? $nodes[0] : null;
    }

    static function decodeNestedInteger($value): NestedInteger {
        if (!is_array($value)) {
            return new NestedInteger(self::decodeInteger($value));
        }
        $nested = new NestedInteger();
        foreach ($value as $item) {
            $nested->add(self::decodeNestedInteger($item));
        }
        return $nested;
    }

    static function decodeTest(string $line, array $kinds): array {
        $values = json_decode($line, true);
        if (json_last_error() !== JSON_ERROR_NONE) {
            throw new JudgedBadTest('not JSON: ' . json_last_error_msg());
        }
        if (!is_array($values) || count($values) !== count($kinds)) {
            throw new JudgedBadTest('expected an array of ' . count($kinds) . ' arguments');
        }
        $arguments = [];
        foreach ($kinds as $index => $kind) {
            $arguments[] = self::decode($values[$index], $kind);
        }
        return $arguments;
    }

    // Encoding results.

    static function encode($value, array $kind): string {
        [$base, $depth] = $kind;
        if ($depth === 0) {
            return self::encodeBase($value, $base);
        }
        if (!is_array($value)) {
            throw new JudgedMismatch();
        }
        $items = [];
        foreach ($value as $item) { // in order, whatever the keys (array_filter keeps its keys)
            $items[] = self::encode($item, [$base, $depth - 1]);
        }
        return '[' . implode(',', $items) . ']';
    }

    static function encodeBase($value, string $base): string {
        switch ($base) {
            case 'int':
            case 'long':
                return self::encodeInteger($value);
            case 'double':
                if (!is_int($value) && !is_float($value)) {
                    throw new JudgedMismatch();
                }
                $number = (float) $value;
                if (is_nan($number)) {
                    return '"NaN"';
                }
                if (is_infinite($number)) {
                    return $number > 0 ? '"Infinity"' : '"-Infinity"';
                }
                return json_encode($number, JSON_PRESERVE_ZERO_FRACTION); // shortest round-trip form
            case 'bool':
                if (!is_bool($value)) {
                    throw new JudgedMismatch();
                }
                return $value ? 'true' : 'false';
            case 'string':
            case 'char':
                if (!is_string($value) || ($base === 'char' && strlen($value) !== 1)) {
                    throw new JudgedMismatch();
                }
                $text = json_encode($value, JSON_UNESCAPED_UNICODE | JSON_UNESCAPED_SLASHES);
                if ($text === false) {
                    throw new JudgedMismatch(); // not valid UTF-8
                }
                return $text;
            case 'ListNode':
                return self::encodeListNode($value);
            case 'TreeNode':
                return self::encodeTreeNode($value);
            case 'Node':
                return self::encodeGraphNode($value);
        }
        throw new JudgedMismatch();
    }

    static function encodeInteger($value): string {
        if (!is_int($value)) {
            throw new JudgedMismatch(); // an int that overflowed is a float
        }
        return (string) $value;
    }

    static function isNode($value): bool {
        return is_object($value) && property_exists($value, 'val');
    }

    static function encodeListNode($head): string {
        $items = [];
        for ($node = $head; $node !== null; $node = $node->next ?? null) {
            if (!self::isNode($node)) {
                throw new JudgedMismatch();
            }
            if (count($items) === JUDGED_MAX_NODES) {
                throw new JudgedCycle('ListNode has a cycle');
            }
            $items[] = self::encodeInteger($node->val);
        }
        return '[' . implode(',', $items) . ']';
    }

    static function encodeTreeNode($root): string {
        $items = [];
        $queue = [$root];
        $nodes = 0;
        for ($index = 0; $index < count($queue); $index++) {
            $node = $queue[$index];
            if ($node === null) {
                $items[] = 'null';
                continue;
            }
            if (!self::isNode($node)) {
                throw new JudgedMismatch();
            }
            if (++$nodes > JUDGED_MAX_NODES) {
                throw new JudgedCycle('TreeNode has a cycle');
            }
            $items[] = self::encodeInteger($node->val);
            $queue[] = $node->left ?? null;
            $queue[] = $node->right ?? null;
        }
        while ($items && end($items) === 'null') {
            array_pop($items);
        }
        return '[' . implode(',', $items) . ']';
    }

    // The adjacency list of the graph reachable from `start`, by value: its values must be 1..n, once each.
    static function encodeGraphNode($start): string {
        if ($start === null) {
            return '[]';
        }
        $neighboursOf = [];
        $seen = new SplObjectStorage();
        if (!is_object($start)) {
            throw new JudgedMismatch();
        }
        $seen->attach($start);
        $queue = [$start];
        for ($index = 0; $index < count($queue); $index++) {
            $node = $queue[$index];
            if (!self::isNode($node) || !property_exists($node, 'neighbors') || !is_array($node->neighbors)
                || !is_int($node->val) || isset($neighboursOf[$node->val])) {
                throw new JudgedMismatch();
            }
            $neighboursOf[$node->val] = $node->neighbors;
            foreach ($node->neighbors as $neighbour) {
                if (!self::isNode($neighbour)) {
                    throw new JudgedMismatch();
                }
                if (!$seen->contains($neighbour)) {
                    $seen->attach($neighbour);
                    $queue[] = $neighbour;
                }
            }
        }
        $rows = [];
        for ($value = 1; $value <= count($neighboursOf); $value++) {
            if (!isset($neighboursOf[$value])) {
                throw new JudgedMismatch();
            }
            $rows[] = '[' . implode(',', array_map(fn($node) => $node->val, $neighboursOf[$value])) . ']';
        }
        return '[' . implode(',', $rows) . ']';
    }

    // Talking to the judge.

    function write(string $line): void {
        for ($offset = 0; $offset < strlen($line);) {
            $written = fwrite($this->results, substr($line, $offset));
            if (!$written) {
                usleep(1000); // a non-blocking pipe that is full: wait a millisecond
                continue;
            }
            $offset += $written;
        }
        fflush($this->results);
    }

    static function describe(Throwable $error): string {
        $message = $error->getMessage();
        return $message === '' ? get_class($error) : get_class($error) . ': ' . $message;
    }

    static function cpuSeconds(): float {
        $usage = getrusage();
        return $usage['ru_utime.tv_sec'] + $usage['ru_stime.tv_sec']
            + ($usage['ru_utime.tv_usec'] + $usage['ru_stime.tv_usec']) / 1e6;
    }

    function reportError(Throwable $error, float $seconds): int {
        $this->write(json_encode(['e' => self::describe($error), 't' => $seconds], JSON_INVALID_UTF8_SUBSTITUTE) . "\n");
        $frames = [basename($error->getFile()) . ':' . $error->getLine()];
        foreach ($error->getTrace() as $frame) { // the user's frames; the harness's are not the user's business
            if (isset($frame['file']) && basename($frame['file']) === JUDGED_SOLUTION_FILE) {
                $frames[] = JUDGED_SOLUTION_FILE . ':' . $frame['line'] . ' in ' . ($frame['function'] ?? '?');
            }
        }
        fwrite(STDERR, self::describe($error) . "\n  at " . implode("\n  at ", array_slice($frames, 0, 50)) . "\n");
        return JUDGED_EXIT_USER_ERROR;
    }

    // Loads the user's file: null when it defines class $className, else the exit status after reporting why.
    function loadSolution(string $className): ?int {
        try {
            require __DIR__ . '/' . JUDGED_SOLUTION_FILE;
            if (!class_exists($className, false)) {
                throw new Error("Class \"$className\" not found: the solution must define class $className");
            }
        } catch (Throwable $error) {
            return $this->reportError($error, 0.0);
        }
        return null;
    }

    // Every non-blank test line, decoded by $decode and given to $body after the run-mode marker; 0 when all ran.
    // A line $decode cannot read ends the run with JUDGED_EXIT_BAD_TEST; $body ends it early by returning a status.
    function eachTest($tests, callable $decode, callable $body): int {
        $number = 0;
        while (($line = fgets($tests)) !== false) {
            if (trim($line) === '') {
                continue;
            }
            $number++;
            try {
                $test = $decode($line);
            } catch (JudgedBadTest $error) {
                fwrite(STDERR, "judged harness: cannot decode test $number: {$error->getMessage()}\n");
                return JUDGED_EXIT_BAD_TEST;
            }
            $this->markCase();
            $status = $body($test);
            if ($status !== null) {
                return $status;
            }
        }
        return 0;
    }

    function run(string $name, array $paramTypes, string $returns): int {
        $kinds = array_map([self::class, 'kind'], $paramTypes);
        $inPlace = $returns === 'void';
        $resultKind = $inPlace ? $kinds[0] : self::kind($returns);
        $tests = STDIN; // taken before the user's code can close it
        $failed = $this->loadSolution('Solution');
        if ($failed !== null) {
            return $failed;
        }
        $decode = fn(string $line) => self::decodeTest($line, $kinds);
        return $this->eachTest($tests, $decode, function (array $arguments) use ($name, $inPlace, $resultKind): ?int {
            $start = self::cpuSeconds();
            try {
                $returned = (new Solution())->$name(...$arguments);
            } catch (Throwable $error) {
                return $this->reportError($error, self::cpuSeconds() - $start);
            }
            $spent = self::cpuSeconds() - $start;
            try {
                $text = self::encode($inPlace ? $arguments[0] : $returned, $resultKind);
            } catch (JudgedMismatch $error) {
                $text = 'null';
            } catch (JudgedCycle $error) {
                $this->write(json_encode(['e' => $error->getMessage(), 't' => $spent]) . "\n");
                return JUDGED_EXIT_USER_ERROR;
            } catch (Throwable $error) { // the user's node threw
                return $this->reportError($error, $spent);
            }
            $this->write('{"v":' . $text . ',"t":' . json_encode($spent, JSON_PRESERVE_ZERO_FRACTION) . "}\n");
            return null;
        });
    }
}

function judged_run(string $name, array $paramTypes, string $returns): int {
    return (new JudgedHarness())->run($name, $paramTypes, $returns);
}

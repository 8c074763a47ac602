<?php
// The PHP design harness: appended to php_main.php (without this opening tag), whose codecs and protocol it uses.
//
// judged.harness.design_php.build appends one line after this text,
// `exit(judged_run_design("LRUCache", ["int"], json_decode('{"get": [["int"], "int"], ...}', true)));`.
// One test line is [operations, arguments]: the first operation constructs the
// design class (`new LRUCache(...$arguments)`), the others call its methods by
// their names (`$obj->getMin()`, LeetCode's PHP names them as the problem
// does). The result line is {"v": [null, <return>, ...], "t": seconds}: null
// for the constructor and for void methods. A call that throws ends the run.

final class JudgedDesign {
    static function decodeOperations(string $line, string $className, array $constructor, array $methods): array {
        $test = json_decode($line, true);
        if (json_last_error() !== JSON_ERROR_NONE) {
            throw new JudgedBadTest('not JSON: ' . json_last_error_msg());
        }
        if (!is_array($test) || count($test) !== 2 || !is_array($test[0] ?? null) || !is_array($test[1] ?? null)
            || count($test[0]) !== count($test[1])) {
            throw new JudgedBadTest('expected [operations, arguments], two lists of one length');
        }
        [$operations, $given] = $test;
        $decoded = [];
        foreach ($operations as $index => $operation) {
            if ($index === 0) {
                if ($operation !== $className) {
                    throw new JudgedBadTest("the first operation must be $className");
                }
                $kinds = $constructor;
            } elseif (is_string($operation) && isset($methods[$operation])) {
                $kinds = $methods[$operation][0];
            } else {
                throw new JudgedBadTest('unknown method ' . JudgedHarness::show($operation));
            }
            $arguments = $given[$index];
            if (!is_array($arguments) || count($arguments) !== count($kinds)) {
                throw new JudgedBadTest("$operation: expected " . count($kinds) . ' arguments');
            }
            $values = [];
            foreach ($kinds as $position => $kind) {
                $values[] = JudgedHarness::decode($arguments[$position], $kind);
            }
            $decoded[] = $values;
        }
        return [$operations, $decoded];
    }

    static function encodeReturn($returned, ?array $kind): string {
        if ($kind === null) {
            return 'null';
        }
        try {
            return JudgedHarness::encode($returned, $kind);
        } catch (JudgedMismatch $error) {
            return 'null'; // no valid expected value is null
        }
    }

    static function run(string $className, array $constructorTypes, array $methodTypes): int {
        $harness = new JudgedHarness();
        $constructor = array_map([JudgedHarness::class, 'kind'], $constructorTypes);
        $methods = [];
        foreach ($methodTypes as $name => [$params, $returns]) {
            $methods[$name] = [
                array_map([JudgedHarness::class, 'kind'], $params),
                $returns === 'void' ? null : JudgedHarness::kind($returns),
            ];
        }
        $tests = STDIN; // taken before the user's code can close it
        $failed = $harness->loadSolution($className);
        if ($failed !== null) {
            return $failed;
        }
        $decode = fn(string $line) => self::decodeOperations($line, $className, $constructor, $methods);
        return $harness->eachTest($tests, $decode, function (array $test) use ($harness, $className, $methods): ?int {
            [$operations, $arguments] = $test;
            $results = ['null'];
            $start = JudgedHarness::cpuSeconds();
            try {
                $instance = new $className(...$arguments[0]);
                for ($index = 1; $index < count($operations); $index++) {
                    $name = $operations[$index];
                    $results[] = self::encodeReturn($instance->$name(...$arguments[$index]), $methods[$name][1]);
                }
            } catch (Throwable $error) {
                return $harness->reportError($error, JudgedHarness::cpuSeconds() - $start);
            }
            $spent = JudgedHarness::cpuSeconds() - $start;
            $harness->write('{"v":[' . implode(',', $results) . '],"t":' . json_encode($spent, JSON_PRESERVE_ZERO_FRACTION) . "}\n");
            return null;
        });
    }
}

function judged_run_design(string $className, array $constructorTypes, array $methodTypes): int {
    return JudgedDesign::run($className, $constructorTypes, $methodTypes);
}

/*
 * A folder that says no verdict: the header does, in the spelling DOMjudge remaps.
 *
 * @EXPECTED_RESULTS@:   RUN_TIME_ERROR , TIME_LIMIT_EXCEEDED
 */
int main(void) { return 1; }

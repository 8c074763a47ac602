// @EXPECTED_RESULTS@: RUN-ERROR
import { greeting } from './greeting.mjs';

console.log(greeting('x'));

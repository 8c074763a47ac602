// @EXPECTED_RESULTS@: CORRECT
import { greeting } from './greeting.mjs';
import { readFileSync } from 'node:fs';

console.log(greeting(readFileSync(0, 'utf8').trim()));

// Prints one closing line over every runner of `npm test`: "tests: N passed, N failed, N skipped".
import { existsSync, readFileSync } from 'node:fs';

const read = (path) => (existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : null);
const vitest = read('out/test-results/vitest.json');
const playwright = read('out/test-results/playwright.json');

let passed = 0;
let failed = 0;
let skipped = 0;
if (vitest) {
  passed += vitest.numPassedTests;
  failed += vitest.numFailedTests;
  skipped += vitest.numPendingTests + vitest.numTodoTests;
}
if (playwright) {
  passed += playwright.stats.expected + playwright.stats.flaky;
  failed += playwright.stats.unexpected;
  skipped += playwright.stats.skipped;
}
if (!vitest || !playwright) {
  console.error('tests: a runner left no report in out/test-results; see its output above.');
  process.exit(1);
}
/** Tests that failed once and passed on their retry: counted as passed, but named, so a flake is never hidden. */
function flakyTests(suite, found = []) {
  for (const spec of suite.specs ?? [])
    for (const test of spec.tests ?? [])
      if (test.status === 'flaky') found.push(`[${test.projectName}] ${spec.file}:${spec.line} › ${spec.title}`);
  for (const child of suite.suites ?? []) flakyTests(child, found);
  return found;
}
const flaky = (playwright.suites ?? []).flatMap((suite) => flakyTests(suite));
for (const name of flaky) console.log(`flaky (failed, then passed on its retry): ${name}`);
console.log(
  `tests: ${passed} passed${flaky.length ? ` (${flaky.length} only on a retry)` : ''}, ${failed} failed, ${skipped} skipped`,
);
process.exit(failed > 0 ? 1 : 0);

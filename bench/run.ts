import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { documentBenchmarks } from './documents.bench';
import { engineBenchmarks } from './engine.bench';
import { exportBenchmarks, playerBundleReport } from './export.bench';
import { foundationBenchmarks } from './foundation.bench';
import { playerBenchmarks } from './player.bench';
import { playerClickBenchmarks } from './player-clicks.bench';
import { personalizationBenchmarks } from './personalization.bench';
import { studioBenchmarks } from './studio.bench';
import { mergeRows, runBenchmark, toMarkdown, type Outcome } from './harness';

/** Every benchmark suite; later capabilities add theirs here. */
const suites = [
  ...foundationBenchmarks,
  ...engineBenchmarks,
  ...documentBenchmarks,
  ...exportBenchmarks,
  ...playerBenchmarks,
  ...playerClickBenchmarks,
  ...studioBenchmarks,
  ...personalizationBenchmarks,
];

const only = process.argv[2];
const outcomes: Outcome[] = [];
for (const bench of suites) {
  if (only && !bench.name.includes(only)) continue;
  const outcome = await runBenchmark(bench);
  outcomes.push(outcome);
  console.log(
    `${outcome.met ? 'met    ' : 'NOT met'}  ${outcome.ratio.toFixed(2)}×  ${outcome.name}  (goal: ${outcome.goal})`,
  );
}

const context = `${playerBundleReport()}\n\nLast run: ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}.`;
const REPORT = 'docs/benchmarks.md';
if (!only) writeFileSync(REPORT, toMarkdown(outcomes, context));
else if (existsSync(REPORT)) writeFileSync(REPORT, mergeRows(readFileSync(REPORT, 'utf8'), outcomes));
console.log(only ? `updated the ${outcomes.length} matching row(s) of ${REPORT}` : `wrote ${REPORT}`);

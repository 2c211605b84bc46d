import { performance } from 'node:perf_hooks';

/** One side of a comparison: what is timed, and what it is called in the report. */
export type Side =
  | {
      readonly label: string;
      /** One run, timed by the wall clock around the call. */
      readonly run: () => unknown | Promise<unknown>;
      readonly selfTimed?: false;
    }
  | {
      readonly label: string;
      /**
       * One run that measures itself (e.g. in the page, from the input event to the frame that shows
       * its effect, without the driver's round trips): what it resolves to is the sample.
       */
      readonly run: () => Measured | Promise<Measured>;
      readonly selfTimed: true;
    };

/** What a self-timed run resolves to. */
export interface Measured {
  readonly measuredMs: number;
}

const isMeasured = (x: unknown): x is Measured =>
  typeof x === 'object' && x !== null && typeof (x as Measured).measuredMs === 'number';

export interface Benchmark {
  readonly name: string;
  /** What the goal means, in words, e.g. "contract overhead ≤ 1.2× a direct call". */
  readonly goal: string;
  /** The ratio subject/baseline that meets the goal (lower is better); absent: the ratio is shown for scale only. */
  readonly maxRatio?: number;
  /** An absolute goal for the subject's median, where the issue sets one (e.g. "under 1 s"). */
  readonly maxSubjectMs?: number;
  /** An absolute goal for the subject's 99th percentile (e.g. "p99 under 10 ms"). */
  readonly maxSubjectP99Ms?: number;
  /** An absolute goal for the subject's 95th percentile, where the issue states its goal that way. */
  readonly maxSubjectP95Ms?: number;
  /**
   * The baseline times only a slice of its work; its time is multiplied by this to project the
   * whole (used where the whole would take hours, e.g. exhaustive enumeration).
   */
  readonly baselineScale?: number;
  readonly baselineNote?: string;
  readonly baseline: Side;
  readonly subject: Side;
  /** Timed runs per side; each run is one sample. */
  readonly samples?: number;
  /** Calls of `run` per sample, for operations too quick to time one by one. */
  readonly batch?: number;
  setup?(): Promise<void> | void;
  /** Untimed, before every run of either side (e.g. `sync`, so neither side pays for the other's writeback). */
  beforeEachRun?(): Promise<void> | void;
  teardown?(): Promise<void> | void;
}

export interface Outcome {
  readonly name: string;
  readonly goal: string;
  readonly baselineLabel: string;
  readonly subjectLabel: string;
  readonly baselineMedianMs: number;
  readonly subjectMedianMs: number;
  readonly subjectP99Ms: number;
  /** Shown only for rows with a p95 goal. */
  readonly subjectP95Ms?: number | undefined;
  readonly ratio: number;
  readonly maxRatio?: number | undefined;
  readonly maxSubjectMs?: number | undefined;
  readonly baselineNote?: string | undefined;
  readonly met: boolean;
}

const median = (xs: number[]) => quantile(xs, 0.5);

function quantile(xs: number[], q: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}

async function timeOnce(side: Side, batch: number): Promise<number> {
  if (side.selfTimed) {
    let measured = 0;
    for (let i = 0; i < batch; i++) {
      const result: unknown = await side.run();
      // A side that says it times itself and returns no time is a bug, not a wall-clock sample.
      if (!isMeasured(result)) throw new Error(`"${side.label}" is self-timed but a run returned no measuredMs`);
      measured += result.measuredMs;
    }
    return measured / batch;
  }
  const start = performance.now();
  for (let i = 0; i < batch; i++) await side.run();
  return (performance.now() - start) / batch;
}

/**
 * Runs baseline and subject interleaved (A B A B …) so that load on a shared machine hits both
 * alike, and reports the ratio of medians: a figure that means something on any machine.
 */
export async function runBenchmark(bench: Benchmark): Promise<Outcome> {
  const samples = bench.samples ?? 30;
  const batch = bench.batch ?? 1;
  await bench.setup?.();
  try {
    const time = async (side: Side) => {
      await bench.beforeEachRun?.();
      return timeOnce(side, batch);
    };
    for (let i = 0; i < 3; i++) {
      await time(bench.baseline);
      await time(bench.subject);
    }
    const base: number[] = [];
    const subj: number[] = [];
    for (let i = 0; i < samples; i++) {
      base.push(await time(bench.baseline));
      subj.push(await time(bench.subject));
    }
    const scale = bench.baselineScale ?? 1;
    const ratio = median(subj) / (median(base) * scale);
    const absoluteMet =
      (bench.maxSubjectMs === undefined || median(subj) <= bench.maxSubjectMs) &&
      (bench.maxSubjectP99Ms === undefined || quantile(subj, 0.99) <= bench.maxSubjectP99Ms) &&
      (bench.maxSubjectP95Ms === undefined || quantile(subj, 0.95) <= bench.maxSubjectP95Ms);
    return {
      name: bench.name,
      goal: bench.goal,
      baselineLabel: bench.baseline.label,
      subjectLabel: bench.subject.label,
      baselineMedianMs: median(base) * scale,
      subjectMedianMs: median(subj),
      subjectP99Ms: quantile(subj, 0.99),
      subjectP95Ms: bench.maxSubjectP95Ms === undefined ? undefined : quantile(subj, 0.95),
      ratio,
      maxRatio: bench.maxRatio,
      maxSubjectMs: bench.maxSubjectMs,
      baselineNote: bench.baselineNote,
      met: (bench.maxRatio === undefined || ratio <= bench.maxRatio) && absoluteMet,
    };
  } finally {
    await bench.teardown?.();
  }
}

const ms = (x: number) =>
  x >= 3_600_000 * 24 * 365
    ? `${(x / (3_600_000 * 24 * 365)).toExponential(1)} years`
    : x >= 3_600_000
      ? `${(x / 3_600_000).toFixed(1)} h`
      : x >= 1000
        ? `${(x / 1000).toFixed(2)} s`
        : x >= 1
          ? `${x.toFixed(2)} ms`
          : `${(x * 1000).toFixed(1)} µs`;
const ratioText = (r: number) => (r < 0.001 ? r.toExponential(1) : r.toFixed(r < 0.1 ? 4 : 2));

export function toRow(o: Outcome): string {
  return `| ${o.name} | ${o.subjectLabel}: ${ms(o.subjectMedianMs)} (${o.subjectP95Ms === undefined ? '' : `p95 ${ms(o.subjectP95Ms)}, `}p99 ${ms(o.subjectP99Ms)}) | ${o.baselineLabel}: ${ms(o.baselineMedianMs)}${o.baselineNote ? ` (${o.baselineNote})` : ''} | **${ratioText(o.ratio)}×** | ${o.goal} | ${o.met ? 'met' : 'NOT met'} |`;
}

/**
 * A filtered run updates only its own rows of an existing report (by benchmark name), adding new
 * ones at the end, so one area's figures can be refreshed without rerunning every suite.
 */
export function mergeRows(existing: string, outcomes: readonly Outcome[]): string {
  const fresh = new Map(outcomes.map((o) => [o.name, toRow(o)]));
  const lines = existing
    .trimEnd()
    .split('\n')
    .map((line) => {
      const name = /^\| (.+?) \| /.exec(line)?.[1];
      const row = name === undefined ? undefined : fresh.get(name);
      if (row === undefined) return line;
      fresh.delete(name!);
      return row;
    });
  return [...lines, ...fresh.values(), ''].join('\n');
}

export function toMarkdown(outcomes: readonly Outcome[], context: string): string {
  const rows = outcomes.map(toRow);
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench`. Each row times a subject and a baseline interleaved in the same run and',
    'reports the ratio of their medians (lower is better), so figures from different machines compare.',
    'Absolute times are for orientation only: these machines are shared and noisy.',
    '',
    context,
    '',
    '| benchmark | subject (median) | baseline (median) | ratio | goal | status |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

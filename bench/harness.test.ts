import { describe, expect, it } from 'vitest';
import { runBenchmark, type Benchmark } from './harness';

const bench = (over: Partial<Benchmark>): Benchmark => ({
  name: 'n',
  goal: 'g',
  samples: 5,
  baseline: { label: 'base', selfTimed: true, run: () => ({ measuredMs: 10 }) },
  subject: { label: 'subject', selfTimed: true, run: () => ({ measuredMs: 30 }) },
  ...over,
});

describe('the bench harness', () => {
  it('takes a self-timed side’s own times as its samples, not the wall clock', async () => {
    const outcome = await runBenchmark(bench({ maxSubjectMs: 50, maxSubjectP99Ms: 50 }));
    expect(outcome.baselineMedianMs).toBe(10);
    expect(outcome.subjectMedianMs).toBe(30);
    expect(outcome.ratio).toBe(3);
    expect(outcome.met).toBe(true);
  });

  it('refuses a self-timed run that returns no time, instead of timing it by the clock', async () => {
    const broken = bench({
      subject: { label: 'forgetful', selfTimed: true, run: () => undefined as unknown as { measuredMs: number } },
    });
    await expect(runBenchmark(broken)).rejects.toThrow(/"forgetful" is self-timed but a run returned no measuredMs/);
  });

  it('misses an absolute goal when the p99 is over it, even with the median under', async () => {
    let i = 0;
    const outcome = await runBenchmark(
      bench({
        samples: 10,
        maxSubjectMs: 50,
        maxSubjectP99Ms: 50,
        subject: { label: 'spiky', selfTimed: true, run: () => ({ measuredMs: ++i % 10 === 0 ? 400 : 20 }) },
      }),
    );
    expect(outcome.subjectMedianMs).toBe(20);
    expect(outcome.subjectP99Ms).toBe(400);
    expect(outcome.met).toBe(false);
  });

  it('holds a p95 goal when one sample in 40 is slow, and misses it when one in 10 is', async () => {
    const spiky = (every: number) => {
      let i = 0;
      return bench({
        samples: 40,
        maxSubjectP95Ms: 50,
        subject: { label: 'spiky', selfTimed: true, run: () => ({ measuredMs: ++i % every === 0 ? 400 : 20 }) },
      });
    };
    const rare = await runBenchmark(spiky(40));
    expect(rare.subjectP95Ms).toBe(20);
    expect(rare.met).toBe(true);
    const often = await runBenchmark(spiky(10));
    expect(often.subjectP95Ms).toBe(400);
    expect(often.met).toBe(false);
  });

  it('times a plain side by the wall clock around the call', async () => {
    const outcome = await runBenchmark(
      bench({
        samples: 3,
        baseline: { label: 'quick', run: () => undefined },
        subject: { label: 'slow', run: () => new Promise((done) => setTimeout(done, 20)) },
      }),
    );
    expect(outcome.subjectMedianMs).toBeGreaterThanOrEqual(19);
    expect(outcome.baselineMedianMs).toBeLessThan(outcome.subjectMedianMs);
  });

  it('runs beforeEachRun before every run of either side, outside the timed part', async () => {
    const order: string[] = [];
    const busy = (ms: number) => {
      const until = performance.now() + ms;
      while (performance.now() < until);
    };
    const outcome = await runBenchmark({
      name: 'n',
      goal: 'g',
      samples: 2,
      beforeEachRun: () => {
        order.push('before');
        busy(20);
      },
      baseline: { label: 'base', run: () => void order.push('base') },
      subject: { label: 'subject', run: () => void order.push('subject') },
    });
    // Three warm-up pairs and two sampled pairs, each run preceded by the hook.
    expect(order).toEqual(Array.from({ length: 5 }, () => ['before', 'base', 'before', 'subject']).flat());
    expect(outcome.baselineMedianMs).toBeLessThan(20);
    expect(outcome.subjectMedianMs).toBeLessThan(20);
  });
});

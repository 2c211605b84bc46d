import type { Course } from '../model/schema';
import { fnv1a } from './hash';

/**
 * The questions a learner gets from a bank. Seeded by the learner's id (the LMS's learner id),
 * so the same learner sees the same questions after a resume, with nothing stored.
 */
export function drawFromBank(bank: Course['banks'][number], learnerId: string): string[] {
  let state = fnv1a(`${bank.id}\u0000${learnerId}`) || 1;
  const random = () => {
    // xorshift32: tiny, deterministic, and the same in every runtime.
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
  const pool = [...bank.questions];
  for (let i = pool.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, Math.min(bank.draw, pool.length));
}

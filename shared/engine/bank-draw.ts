import type { Course } from '../model/schema';

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/**
 * The questions a learner gets from a bank. Seeded by the learner's id (the LMS's learner id),
 * so the same learner sees the same questions after a resume, with nothing stored.
 */
export function drawFromBank(bank: Course['banks'][number], learnerId: string): string[] {
  let state = hash(`${bank.id}\u0000${learnerId}`) || 1;
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

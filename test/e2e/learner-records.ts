import { resultOfRecord, runPlacement, type CourseIndex, type LearnerRecord } from '../../shared/engine';
import type { Answer } from '../../shared/model';

/** The two knowledge-check lessons on Nadia's path in purchase-approvals. */
export const NADIA_CHECKS = ['why-check', 'req-check'];

/** Nadia (purchase-approvals, a new buyer) after the placement test, with every required lesson done but the two checks. */
export function nadiaBeforeChecks(ix: CourseIndex, extra: Partial<LearnerRecord> = {}): LearnerRecord {
  const nadia = ix.course.personas.find((p) => p.id === 'nadia')!;
  const answers: Answer[] = [];
  runPlacement(
    ix,
    (q) => {
      const a = nadia.prior.answers[q.id];
      if (a !== undefined) answers.push(a);
      return a;
    },
    {},
    nadia,
  );
  let record: LearnerRecord = {
    role: 'buyer',
    department: 'procurement',
    seniority: 'new',
    needs: { captions: false, audio: false, reducedMotion: false },
    prior: {},
    answers,
    takeAnyway: [],
    formats: {},
    picks: { 'choose-case-study': 'case-software' },
    completed: [],
    checks: {},
    visits: 1,
  };
  for (let round = 0; round < 3; round++) {
    const { path } = resultOfRecord(ix, record);
    const required = path.modules.filter((m) => m.status === 'required').flatMap((m) => m.lessons.map((l) => l.id));
    record = { ...record, completed: required.filter((id) => !NADIA_CHECKS.includes(id)) };
  }
  return { ...record, ...extra };
}

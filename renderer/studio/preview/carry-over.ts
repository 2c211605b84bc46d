import { decodeLearnerRecord, encodeLearnerRecord, type CourseIndex, type LearnerRecord } from '../../../shared/engine';

/** What a rebuilt preview launches with: the previous attempt's place, as the LMS would hand it back. */
export interface CarriedPlace {
  /** Flattened data model to launch the new attempt with (suspend data, location, entry "resume"). */
  readonly launch: Readonly<Record<string, string>>;
  /** Said in the preview when the learner could not be put back exactly where they were. */
  readonly note: string | null;
}

const lessonTitle = (index: CourseIndex, id: string): string | undefined => {
  const at = index.lessonIndex.get(id);
  return at && index.course.modules[at.module]!.lessons[at.lesson]!.title;
};

/** The record with only what the edited course still has; placement answers it can no longer replay are dropped. */
function fitRecord(after: CourseIndex, record: LearnerRecord): { encoded: string; answersKept: number } {
  const lessons = after.lessonIndex;
  const modules = after.moduleIndex;
  const fitted: LearnerRecord = {
    ...record,
    completed: record.completed.filter((id) => lessons.has(id)),
    takeAnyway: record.takeAnyway.filter((id) => modules.has(id)),
    formats: Object.fromEntries(Object.entries(record.formats).filter(([id]) => lessons.has(id))),
    picks: Object.fromEntries(
      Object.entries(record.picks).flatMap(([rule, picked]): [string, string | readonly string[]][] => {
        if (typeof picked === 'string') return modules.has(picked) ? [[rule, picked]] : [];
        const kept = picked.filter((id) => modules.has(id));
        return kept.length ? [[rule, kept]] : [];
      }),
    ),
    checks: Object.fromEntries(Object.entries(record.checks ?? {}).filter(([id]) => after.questions.has(id))),
  };
  for (let kept = fitted.answers.length; kept >= 0; kept--) {
    try {
      return {
        encoded: encodeLearnerRecord(after, { ...fitted, answers: fitted.answers.slice(0, kept) }),
        answersKept: kept,
      };
    } catch {
      // An answer the edited placement test no longer asks (or asks differently): keep the ones before it.
    }
  }
  return { encoded: encodeLearnerRecord(after, { ...fitted, answers: [] }), answersKept: 0 };
}

/**
 * Carries a preview's place across a rebuild after an edit: the learner's saved progress, decoded with
 * the course it was written for and written again for the edited course, at the lesson they were on,
 * or the nearest one still there. Null when there is nothing to carry (the learner had not started).
 */
export function carryOver(
  before: CourseIndex,
  after: CourseIndex,
  stored: Readonly<Record<string, string>>,
  v12: boolean,
): CarriedPlace | null {
  const suspend = stored['cmi.suspend_data'] ?? '';
  if (!suspend) return null;
  let record: LearnerRecord;
  try {
    record = decodeLearnerRecord(before, suspend);
  } catch {
    return null;
  }
  const notes: string[] = [];
  let location = record.location;
  if (location !== undefined && !after.lessonIndex.has(location)) {
    const gone = lessonTitle(before, location) ?? 'The lesson the learner was on';
    // The nearest place: the next lesson of the old order that is still in the course, else the course map.
    const order = before.course.modules.flatMap((m) => m.lessons.map((l) => l.id));
    const next = order.slice(order.indexOf(location) + 1).find((id) => after.lessonIndex.has(id));
    location = next;
    notes.push(
      next
        ? `“${gone}” is no longer in the course: the learner goes on at “${lessonTitle(after, next)}”.`
        : `“${gone}” is no longer in the course: the learner goes on from the course map.`,
    );
  }
  const { encoded, answersKept } = fitRecord(after, { ...record, location });
  if (answersKept < record.answers.length)
    notes.push(
      answersKept
        ? `The placement test changed: the learner keeps their first ${answersKept} answers and goes on from there.`
        : 'The placement test changed: the learner’s earlier answers no longer fit it and are dropped.',
    );
  return { launch: resumeLaunch(encoded, location, v12), note: notes.length ? notes.join(' ') : null };
}

/** What an LMS hands a resumed attempt: the saved progress, the bookmark (a lesson, else the map) and entry "resume". */
export function resumeLaunch(
  suspendData: string,
  location: string | undefined,
  v12: boolean,
): Readonly<Record<string, string>> {
  const bookmark = location ?? 'map';
  return v12
    ? { 'cmi.suspend_data': suspendData, 'cmi.core.lesson_location': bookmark, 'cmi.core.entry': 'resume' }
    : { 'cmi.suspend_data': suspendData, 'cmi.location': bookmark, 'cmi.entry': 'resume' };
}

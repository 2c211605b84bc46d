import { describe, expect, it } from 'vitest';
import { EXAMPLE_NAMES, exampleIndex } from '../../test/fixtures/examples';
import type { Course, Persona, Question } from '../model';
import { loadCourseOrThrow } from './course-index';
import { grade } from './grade';
import { personaAnswer, personaIntake, playAsPersona, wrongAnswer } from './persona-play';
import { resultOfRecord } from './result';
import { decodeLearnerRecord, encodeLearnerRecord } from './state-codec';

const safety = exampleIndex('shop-floor-safety');
const approvals = exampleIndex('purchase-approvals');
const question = (id: string) => safety.questions.get(id)!;
const persona = (id: string): Persona => structuredClone(safety.course.personas.find((p) => p.id === id)!);

describe('how a persona answers', () => {
  it('gives its answer profile’s answer, placement question or knowledge check alike', () => {
    const femi = persona('femi');
    expect(personaAnswer(safety.course, femi, question('s-hazards-3'), 'placement')).toBe('b');
    femi.prior.answers['k-horn'] = 'b';
    expect(personaAnswer(safety.course, femi, question('k-horn'), 'check')).toBe('b');
  });

  it('answers a knowledge check right when its profile has no answer: it has just taken the lesson', () => {
    for (const id of ['k-walkway', 'k-damaged-ppe', 'k-horn', 'k-assembly']) {
      const q = question(id);
      expect(grade(q, personaAnswer(safety.course, persona('olga'), q, 'check')).correct, id).toBe(true);
    }
  });

  it('answers an unanswered placement question from prior knowledge: right only at the mastery threshold', () => {
    const olga = persona('olga');
    const q = question('s-hazards-1');
    expect(grade(q, personaAnswer(safety.course, olga, q, 'placement')).correct).toBe(false);
    olga.prior.mastery['hazards'] = 'expert';
    expect(grade(q, personaAnswer(safety.course, olga, q, 'placement')).correct).toBe(true);
    olga.prior.mastery['hazards'] = 'proficient'; // 0.7, below the course's pass mark of 0.8
    expect(grade(q, personaAnswer(safety.course, olga, q, 'placement')).correct).toBe(false);
  });

  it('rates itself at the point of the scale its prior level stands for', () => {
    const olga = persona('olga');
    const self = question('s-emergency-self');
    olga.prior.answers = {};
    olga.prior.mastery['emergency'] = 'basic'; // 0.4 of a 5-point scale: 2.6 → 3
    expect(personaAnswer(safety.course, olga, self, 'placement')).toBe(3);
    delete olga.prior.mastery['emergency'];
    expect(personaAnswer(safety.course, olga, self, 'placement')).toBe(1);
  });

  it('gives a wrong answer of every question type when it does not know', () => {
    const questions: Question[] = [
      { ...question('s-hazards-1') },
      ...safety.course.questions,
      ...approvals.course.questions,
      {
        id: 'order',
        type: 'ordering',
        prompt: 'Order',
        competency: 'hazards',
        weight: 1,
        items: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B' },
        ],
        feedback: { correct: '', incorrect: '' },
      } as Question,
    ];
    for (const q of questions)
      if (q.type !== 'likert') expect(grade(q, wrongAnswer(q)).correct, `${q.id} (${q.type})`).toBe(false);
  });
});

describe('a persona’s placement test', () => {
  it('follows the branches that read what it told the intake: office staff at the main plant skip the PPE and forklift questions', () => {
    const asked = (p: Persona) => playAsPersona(safety, p).placement.steps.map((s) => s.node);
    // Olga gives no site; the intake's first answer is "At the main plant".
    expect(asked(persona('olga'))).toEqual(['hazards-1', 'hazards-2', 'ppe-1', 'emergency-self']);
    const inWarehouse = { ...persona('olga'), attributes: { site: 'warehouse' } };
    expect(asked(inWarehouse)).toContain('forklift-1');
    expect(asked(persona('femi'))).toContain('forklift-1');
  });
});

describe('a persona playing the package through', () => {
  it('finishes every example course as every persona, with a result decided for the LMS', () => {
    for (const name of EXAMPLE_NAMES) {
      const index = exampleIndex(name);
      for (const p of index.course.personas) {
        const play = playAsPersona(index, p);
        expect(play.finished, `${name}/${p.id}`).toBe(true);
        expect(play.result.completed).toBe(true);
        expect(play.result.passed).not.toBeNull();
        expect(play.path.choices.every((c) => c.picked.length === c.pick)).toBe(true);
      }
    }
  });

  it('predicts from what the LMS stores: the saved progress decodes to the same result', () => {
    for (const p of approvals.course.personas) {
      const play = playAsPersona(approvals, p);
      const stored = decodeLearnerRecord(approvals, encodeLearnerRecord(approvals, play.record));
      expect(resultOfRecord(approvals, stored).result).toEqual(play.result);
    }
  });

  it('fails the course when its profile answers a check wrong and the pass mark needs every check', () => {
    const femi = persona('femi');
    const before = playAsPersona(safety, femi);
    expect(before.result.passed).toBe(true);
    const taken = new Set(before.lessons);
    const askedCheck = safety.course.modules
      .flatMap((m) => m.lessons)
      .filter((l) => taken.has(l.id))
      .flatMap((l) => l.blocks.flatMap((b) => (b.type === 'check' ? [b.question] : [])))[0]!;
    femi.prior.answers[askedCheck] = wrongAnswer(question(askedCheck));
    const after = playAsPersona(safety, femi);
    expect(after.result.passed).toBe(false);
    expect(after.record.checks?.[askedCheck]).toBe('wrong');
    expect(after.result.score).toBeLessThan(1);
  });

  it('stops once the placement test is answered: nothing taken, on the map', () => {
    const p = approvals.course.personas[0]!;
    const whole = playAsPersona(approvals, p);
    const placed = playAsPersona(approvals, p, { placed: true });
    expect(placed.record.answers).toEqual(whole.record.answers);
    expect(placed.record.completed).toEqual([]);
    expect(placed.record.location).toBeUndefined();
    expect(placed.finished).toBe(false);
  });

  it('stops on a module’s first lesson with what comes before it taken, as the persona would', () => {
    for (const p of approvals.course.personas) {
      const whole = playAsPersona(approvals, p);
      const modules = [
        ...new Set(whole.lessons.map((id) => approvals.course.modules[approvals.lessonIndex.get(id)!.module]!.id)),
      ];
      const target = modules.at(-1)!;
      const first = whole.lessons.find(
        (id) => approvals.course.modules[approvals.lessonIndex.get(id)!.module]!.id === target,
      )!;
      const at = playAsPersona(approvals, p, { module: target });
      expect(at.record.location, p.id).toBe(first);
      expect(at.lessons).toEqual(whole.lessons.slice(0, whole.lessons.indexOf(first)));
      expect(at.record.completed).toEqual(at.lessons);
      expect(at.finished).toBe(false);
    }
  });

  it('makes the first open choice the map offers and takes the picked module', () => {
    const play = playAsPersona(
      approvals,
      approvals.course.personas.find((p) => p.id === 'nadia')!,
    );
    const choice = play.path.choices.find((c) => c.options.length > 1);
    if (!choice) throw new Error('the example no longer offers Nadia a choice');
    expect(choice.picked).toEqual([choice.options[0]]);
    const picked = approvals.course.modules.find((m) => m.id === choice.picked[0])!;
    expect(picked.lessons.every((l) => play.lessons.includes(l.id))).toBe(true);
  });

  it('gives the intake its attributes where the course asks them, else the first option', () => {
    const course = structuredClone(safety.course) as Course;
    course.rules.push({
      id: 'finance-note',
      when: 'department == "production"',
      then: { kind: 'recommend', modules: [course.modules[0]!.id] },
      reason: 'For production.',
    } as Course['rules'][number]);
    const index = loadCourseOrThrow(course);
    expect(personaIntake(index, { ...persona('dana'), department: 'logistics' }).department).toBe('logistics');
    const intake = personaIntake(index, { ...persona('dana'), department: 'nowhere' });
    expect(intake.department).toBe('production');
    expect(intake.role).toBe('forklift-driver');
    expect(intake.seniority).toBe('veteran');
    expect(personaIntake(safety, persona('dana')).department).toBeUndefined();
  });

  it('answers the course’s own attributes as the persona gives them, else with the first value', () => {
    expect(personaIntake(safety, persona('dana')).attributes).toEqual({ site: 'warehouse' });
    expect(personaIntake(safety, persona('sam')).attributes).toEqual({ site: 'plant' });
  });
});

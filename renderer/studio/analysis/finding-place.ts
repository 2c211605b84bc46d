import type { Course } from '../../../shared/model';
import type { Selection } from '../workspace/selection';

/** Where a finding is fixed: the editor to open and, in the placement flow, the node to focus. */
export interface FindingPlace {
  readonly selection: Selection;
  readonly placementNode?: string;
  /** What the link says: "Rule skip-why-policy", "Question p-thr-2 in the placement test". */
  readonly label: string;
}

/** Turns a finding's JSON path (`rules[2].when`, `placement.nodes[4]`) into the editor that fixes it. */
export function findingPlace(course: Course, path: string): FindingPlace {
  const at = (list: string) => {
    const match = new RegExp(`^${list.replace('.', '\\.')}\\[(\\d+)\\]`).exec(path);
    return match ? Number(match[1]) : -1;
  };
  const rule = course.rules[at('rules')];
  if (rule) return { selection: { kind: 'rule', id: rule.id }, label: `Rule ${rule.id}` };
  const node = course.placement?.nodes[at('placement.nodes')];
  if (node)
    return {
      selection: { kind: 'placement' },
      placementNode: node.id,
      label: `Question ${node.question} in the placement test`,
    };
  if (path.startsWith('placement')) return { selection: { kind: 'placement' }, label: 'Placement test' };
  const persona = course.personas[at('personas')];
  if (persona) return { selection: { kind: 'persona', id: persona.id }, label: `Persona ${persona.name}` };
  const module = course.modules[at('modules')];
  if (module) return { selection: { kind: 'module', id: module.id }, label: `Module ${module.title}` };
  const question = course.questions[at('questions')];
  if (question) return { selection: { kind: 'question', id: question.id }, label: `Question ${question.id}` };
  const competency = course.competencies[at('competencies')];
  if (competency)
    return { selection: { kind: 'competency', id: competency.id }, label: `Competency ${competency.name}` };
  return { selection: { kind: 'course' }, label: 'Course settings' };
}

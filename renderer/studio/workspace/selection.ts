/**
 * What the designer is looking at in the workspace. It lives in the URL (see the workspace's
 * router), so a reload comes back to it; ids are the course's own ids.
 */
export type Selection =
  | { readonly kind: 'course' }
  | { readonly kind: 'competencies' }
  | { readonly kind: 'competency'; readonly id: string }
  | { readonly kind: 'modules' }
  | { readonly kind: 'module'; readonly id: string }
  | { readonly kind: 'lesson'; readonly module: string; readonly id: string }
  | { readonly kind: 'questions' }
  | { readonly kind: 'question'; readonly id: string }
  | { readonly kind: 'banks' }
  | { readonly kind: 'bank'; readonly id: string }
  | { readonly kind: 'placement' }
  | { readonly kind: 'rules' }
  | { readonly kind: 'rule'; readonly id: string }
  | { readonly kind: 'personas' }
  | { readonly kind: 'persona'; readonly id: string }
  | { readonly kind: 'media' }
  | { readonly kind: 'preview' };

export type SelectionKind = Selection['kind'];

/** A selection as it appears in the URL hash after the course (`&sel=lesson:m1:l2`). */
export function selectionToParam(selection: Selection): string {
  switch (selection.kind) {
    case 'lesson':
      return `lesson:${selection.module}:${selection.id}`;
    case 'competency':
    case 'module':
    case 'question':
    case 'bank':
    case 'rule':
    case 'persona':
      return `${selection.kind}:${selection.id}`;
    default:
      return selection.kind;
  }
}

const LISTS = new Set([
  'course',
  'competencies',
  'modules',
  'questions',
  'banks',
  'placement',
  'rules',
  'personas',
  'media',
  'preview',
]);
const ITEMS = new Set(['competency', 'module', 'question', 'bank', 'rule', 'persona']);

/** The selection a URL parameter names, or null when it names none (ids are checked by the caller). */
export function selectionFromParam(param: string): Selection | null {
  const [kind = '', first, second] = param.split(':');
  if (LISTS.has(kind) && first === undefined) return { kind } as Selection;
  if (ITEMS.has(kind) && first && second === undefined) return { kind, id: first } as Selection;
  if (kind === 'lesson' && first && second) return { kind, module: first, id: second };
  return null;
}

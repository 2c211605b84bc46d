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
  | { readonly kind: 'media' };

export type SelectionKind = Selection['kind'];

import { checkExpr, ExprSyntaxError, parseExpr, type Expr, type ExprScope } from '../../../../shared/engine/expr';
import type { Course } from '../../../../shared/model';

/** A problem in a condition at its exact characters, with the engine's suggestion as a fix. */
export interface ConditionDiagnostic {
  readonly from: number;
  readonly to: number;
  readonly message: string;
  /** The name the checker suggests instead of the text between from and to. */
  readonly suggestion?: string;
}

export type ConditionCheck =
  | { readonly ok: true; readonly ast: Expr }
  | { readonly ok: false; readonly ast: Expr | null; readonly diagnostics: readonly ConditionDiagnostic[] };

/** Where a condition is used: a skip-ahead rule, or a branch after a placement question (with its choices). */
export type ConditionPlace =
  { readonly context: 'rule' } | { readonly context: 'placement'; readonly question: string };

export function scopeFor(
  course: Pick<Course, 'competencies' | 'settings' | 'questions'>,
  place: ConditionPlace,
): ExprScope {
  const competencies = new Map(course.competencies.map((c) => [c.id, c.levels.map((l) => l.id)] as const));
  const roles = new Set(course.settings.roles);
  const departments = new Set(course.settings.departments);
  const attributes = new Map((course.settings.attributes ?? []).map((a) => [a.id, a.values.map((v) => v.id)] as const));
  if (place.context === 'rule') return { context: 'rule', competencies, roles, departments, attributes };
  const question = course.questions.find((q) => q.id === place.question);
  const choices = question && 'choices' in question ? question.choices.map((c) => c.id) : [];
  return { context: 'placement', competencies, roles, departments, attributes, choices: new Set(choices) };
}

const IDENT = /[A-Za-z0-9_-]/;

/** The end of the token starting at `at`: a name, a quoted text or one character. */
function tokenEnd(source: string, at: number): number {
  if (at >= source.length) return at;
  if (IDENT.test(source[at]!)) {
    let end = at;
    while (end < source.length && IDENT.test(source[end]!)) end++;
    return end;
  }
  const two = source.slice(at, at + 2);
  if (['==', '!=', '<=', '>='].includes(two)) return at + 2;
  return at + 1;
}

/** The engine reports where a test starts; the designer needs the name it complains about underlined. */
function spanOf(source: string, message: string, at: number): { from: number; to: number } {
  const quoted = /"([A-Za-z_][A-Za-z0-9_-]*)"/.exec(message)?.[1];
  if (quoted) {
    const pattern = new RegExp(`(?<![A-Za-z0-9_-])${quoted.replace(/[-]/g, '\\-')}(?![A-Za-z0-9_-])`, 'g');
    pattern.lastIndex = at;
    const found = pattern.exec(source);
    if (found) return { from: found.index, to: found.index + quoted.length };
  }
  // An empty condition or a problem at its end still gets a visible mark on the last character.
  if (at >= source.length) return { from: Math.max(0, source.length - 1), to: source.length };
  return { from: at, to: tokenEnd(source, at) };
}

/** Parses and checks a condition with the engine's own parser and checker, as the engine will. */
export function checkCondition(source: string, scope: ExprScope): ConditionCheck {
  let ast: Expr;
  try {
    ast = parseExpr(source);
  } catch (error) {
    if (!(error instanceof ExprSyntaxError)) throw error;
    const message = error.message.charAt(0).toUpperCase() + error.message.slice(1);
    return { ok: false, ast: null, diagnostics: [{ ...spanOf(source, '', error.at), message }] };
  }
  const problems = checkExpr(ast, scope);
  if (problems.length === 0) return { ok: true, ast };
  return {
    ok: false,
    ast,
    diagnostics: problems.map((p) => {
      const suggestion = /Did you mean "([^"]+)"\?/.exec(p.message)?.[1];
      return {
        ...spanOf(source, p.message, p.at),
        message: p.message.charAt(0).toUpperCase() + p.message.slice(1),
        ...(suggestion ? { suggestion } : {}),
      };
    }),
  };
}

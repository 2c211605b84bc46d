import type { RuleAction } from '../../../../shared/model';

type OfferChoice = Extract<RuleAction, { kind: 'offer-choice' }>;

/** How many a learner may be asked to pick from this many modules: 1 to one fewer than offered, said as "2 of 4". */
export function pickOptions(modules: number): { value: string; label: string }[] {
  return Array.from({ length: Math.max(1, modules - 1) }, (_, i) => ({
    value: String(i + 1),
    label: i === 0 ? `One of ${modules}` : `${i + 1} of ${modules}`,
  }));
}

/** The action asking for `pick` modules; a choice of one leaves the field out, as format-3 courses wrote it. */
export function withPickCount(action: OfferChoice, pick: number): OfferChoice {
  const most = Math.max(1, new Set(action.modules).size - 1);
  const n = Math.min(Math.max(1, Math.floor(pick)), most);
  const { pick: _before, ...rest } = action;
  return n > 1 ? { ...rest, pick: n } : rest;
}

/** The action without one of its modules, asking for fewer picks if it would otherwise ask for all that are left. */
export function withoutChoiceModule(action: OfferChoice, module: string): OfferChoice {
  const rest = { ...action, modules: action.modules.filter((m) => m !== module) };
  return action.pick === undefined ? rest : withPickCount(rest, action.pick);
}

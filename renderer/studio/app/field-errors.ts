import type { ContractError } from '../../../shared/contract';

/** Splits a contract error into messages per form field and one for the rest. */
export function fieldErrors(error: ContractError | null, fields: readonly string[]) {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  if (error?.issues) {
    for (const issue of error.issues) {
      if (fields.includes(issue.field))
        byField[issue.field] = `${issue.field[0]?.toUpperCase()}${issue.field.slice(1)} ${issue.message}.`;
      else rest.push(issue.field ? `${issue.field} ${issue.message}` : issue.message);
    }
    return { byField, general: rest.length ? rest.join('; ') : null };
  }
  return { byField, general: error ? error.message : null };
}

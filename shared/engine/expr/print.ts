import type { Expr, Operand } from './ast';

const quote = (s: string) => `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;

export function printOperand(operand: Operand): string {
  switch (operand.kind) {
    case 'call':
      return `${operand.name}(${operand.args.join(', ')})`;
    case 'name':
      return operand.value;
    case 'number':
      return String(operand.value);
    case 'string':
      return quote(operand.value);
  }
}

/** Prints a tree in canonical form; parsing the result gives the same tree back. */
export function printExpr(expr: Expr): string {
  switch (expr.kind) {
    case 'or':
      return expr.items.map((item) => (item.kind === 'or' ? `(${printExpr(item)})` : printExpr(item))).join(' or ');
    case 'and':
      return expr.items
        .map((item) => (item.kind === 'or' || item.kind === 'and' ? `(${printExpr(item)})` : printExpr(item)))
        .join(' and ');
    case 'not':
      return `not ${expr.expr.kind === 'or' || expr.expr.kind === 'and' ? `(${printExpr(expr.expr)})` : printExpr(expr.expr)}`;
    case 'compare':
      return `${printOperand(expr.left)} ${expr.op} ${printOperand(expr.right)}`;
    case 'in':
      return `${printOperand(expr.subject)} ${expr.negated ? 'not in' : 'in'} [${expr.items.map(printOperand).join(', ')}]`;
    case 'bool':
      return String(expr.value);
    case 'test':
      return printOperand(expr.operand);
  }
}

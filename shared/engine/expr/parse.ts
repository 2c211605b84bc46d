import type { CompareOp, Expr, ExprProblem, Operand } from './ast';

type Token =
  | { readonly t: 'ident'; readonly v: string; readonly at: number }
  | { readonly t: 'number'; readonly v: number; readonly at: number }
  | { readonly t: 'string'; readonly v: string; readonly at: number }
  | { readonly t: 'op'; readonly v: CompareOp; readonly at: number }
  | { readonly t: 'punct'; readonly v: '(' | ')' | '[' | ']' | ','; readonly at: number }
  | { readonly t: 'eof'; readonly at: number };

export class ExprSyntaxError extends Error implements ExprProblem {
  constructor(
    message: string,
    readonly at: number,
  ) {
    super(message);
  }
}

const KEYWORDS = new Set(['and', 'or', 'not', 'in', 'true', 'false']);
const IDENT_START = /[A-Za-z_]/;
const IDENT_PART = /[A-Za-z0-9_-]/;
const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?/;

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < source.length) {
    const ch = source[i]!;
    if (/\s/.test(ch)) {
      i++;
      continue;
    }
    const start = i;
    if (IDENT_START.test(ch)) {
      while (i < source.length && IDENT_PART.test(source[i]!)) i++;
      tokens.push({ t: 'ident', v: source.slice(start, i), at: start });
      continue;
    }
    const number = NUMBER.exec(source.slice(i));
    if (number && (ch !== '-' || /\d/.test(source[i + 1] ?? ''))) {
      i += number[0].length;
      tokens.push({ t: 'number', v: Number(number[0]), at: start });
      continue;
    }
    if (ch === '"' || ch === "'") {
      let value = '';
      i++;
      while (i < source.length && source[i] !== ch) {
        if (source[i] === '\\' && i + 1 < source.length) i++;
        value += source[i];
        i++;
      }
      if (i >= source.length) throw new ExprSyntaxError(`this text is never closed: add a ${ch}`, start);
      i++;
      tokens.push({ t: 'string', v: value, at: start });
      continue;
    }
    const two = source.slice(i, i + 2);
    if (two === '==' || two === '!=' || two === '<=' || two === '>=') {
      tokens.push({ t: 'op', v: two, at: start });
      i += 2;
      continue;
    }
    if (ch === '<' || ch === '>') {
      tokens.push({ t: 'op', v: ch, at: start });
      i++;
      continue;
    }
    if (ch === '=') throw new ExprSyntaxError('use "==" to compare, not "="', start);
    if (ch === '(' || ch === ')' || ch === '[' || ch === ']' || ch === ',') {
      tokens.push({ t: 'punct', v: ch, at: start });
      i++;
      continue;
    }
    if (ch === '&' || ch === '|' || ch === '!')
      throw new ExprSyntaxError(`write "and", "or" or "not" instead of "${ch}"`, start);
    throw new ExprSyntaxError(`"${ch}" has no meaning here`, start);
  }
  tokens.push({ t: 'eof', at: source.length });
  return tokens;
}

const describe = (token: Token): string =>
  token.t === 'eof' ? 'the end of the condition' : token.t === 'string' ? `"${token.v}"` : `"${String(token.v)}"`;

/** Parses a condition into a tree. Throws ExprSyntaxError with the offset of the problem. */
export function parseExpr(source: string): Expr {
  const tokens = tokenize(source);
  let pos = 0;
  const peek = () => tokens[pos]!;
  const next = () => tokens[pos++]!;
  const isWord = (word: string, token = peek()) => token.t === 'ident' && token.v === word;
  const isPunct = (p: string, token = peek()) => token.t === 'punct' && token.v === p;
  const expectPunct = (p: string, what: string) => {
    const token = next();
    if (!isPunct(p, token)) throw new ExprSyntaxError(`expected "${p}" ${what}, found ${describe(token)}`, token.at);
  };

  function orExpr(): Expr {
    const at = peek().at;
    const items = [andExpr()];
    while (isWord('or')) {
      next();
      items.push(andExpr());
    }
    return items.length === 1 ? items[0]! : { kind: 'or', items, at };
  }

  function andExpr(): Expr {
    const at = peek().at;
    const items = [notExpr()];
    while (isWord('and')) {
      next();
      items.push(notExpr());
    }
    return items.length === 1 ? items[0]! : { kind: 'and', items, at };
  }

  function notExpr(): Expr {
    if (isWord('not')) {
      const at = next().at;
      return { kind: 'not', expr: notExpr(), at };
    }
    return comparison();
  }

  function comparison(): Expr {
    const token = peek();
    if (isPunct('(')) {
      next();
      const inner = orExpr();
      expectPunct(')', 'to close the bracket');
      return inner;
    }
    if (isWord('true') || isWord('false')) {
      next();
      return { kind: 'bool', value: token.t === 'ident' && token.v === 'true', at: token.at };
    }
    const left = operand();
    const after = peek();
    if (after.t === 'op') {
      next();
      return { kind: 'compare', op: after.v, left, right: operand(), at: left.at };
    }
    if (isWord('in') || (isWord('not') && isWord('in', tokens[pos + 1]))) {
      const negated = isWord('not');
      if (negated) next();
      next();
      return { kind: 'in', negated, subject: left, items: list(), at: left.at };
    }
    return { kind: 'test', operand: left, at: left.at };
  }

  function list(): Operand[] {
    expectPunct('[', 'to start the list after "in"');
    const items: Operand[] = [];
    if (isPunct(']')) {
      next();
      return items;
    }
    for (;;) {
      items.push(operand());
      const token = next();
      if (isPunct(']', token)) return items;
      if (!isPunct(',', token))
        throw new ExprSyntaxError(`expected "," or "]" in the list, found ${describe(token)}`, token.at);
    }
  }

  function operand(): Operand {
    const token = next();
    if (token.t === 'number') return { kind: 'number', value: token.v, at: token.at };
    if (token.t === 'string') return { kind: 'string', value: token.v, at: token.at };
    if (token.t === 'ident') {
      if (KEYWORDS.has(token.v))
        throw new ExprSyntaxError(`"${token.v}" cannot stand here; a value is missing`, token.at);
      if (!isPunct('(')) return { kind: 'name', value: token.v, at: token.at };
      next();
      const args: string[] = [];
      const argsAt: number[] = [];
      if (!isPunct(')')) {
        for (;;) {
          const arg = next();
          if (arg.t !== 'ident' || KEYWORDS.has(arg.v))
            throw new ExprSyntaxError(`${token.v}(…) takes a name, found ${describe(arg)}`, arg.at);
          args.push(arg.v);
          argsAt.push(arg.at);
          if (isPunct(',')) {
            next();
            continue;
          }
          break;
        }
      }
      expectPunct(')', `to close ${token.v}(`);
      return { kind: 'call', name: token.v, args, argsAt, at: token.at };
    }
    throw new ExprSyntaxError(`expected a value, found ${describe(token)}`, token.at);
  }

  if (peek().t === 'eof') throw new ExprSyntaxError('the condition is empty', 0);
  const tree = orExpr();
  const rest = peek();
  if (rest.t !== 'eof') {
    const hint = rest.t === 'ident' ? ' (missing "and" or "or"?)' : '';
    throw new ExprSyntaxError(`unexpected ${describe(rest)}${hint}`, rest.at);
  }
  return tree;
}

/**
 * Swarm 0.2's filter expressions, `constraint:KEY==VALUE` and `affinity:KEY!=VALUE`: the key is a
 * name (letters, digits, `_`, `.`, `-`, `/`, not starting with a digit); the value is a plain
 * string, a glob (`us*`) or a regular expression between slashes (`/node-[12]/`, `(?i)` at its
 * start makes it case-insensitive). A `~` right after the operator (`==~redis`, `!=~web`), or the
 * operator `~=`, makes the expression soft: it is dropped when no engine would pass it.
 */
import { ClassicError } from './errors.js';

/** A parsed expression. */
export interface Expression {
  /** The text as given (without its `constraint:`/`affinity:` prefix). */
  readonly text: string;
  readonly key: string;
  /** `==` must match, `!=` must not. */
  readonly operator: '==' | '!=';
  /** Dropped when no engine passes it. */
  readonly soft: boolean;
  /** The value as written (after the soft marker). */
  readonly value: string;
  /** Whether a candidate string matches the value (plain, glob or regular expression). */
  matches(candidate: string): boolean;
}

const KEY = /^[A-Za-z_][A-Za-z0-9_.\-/]*$/;

function badExpression(kind: string, text: string, problem: string): ClassicError {
  return new ClassicError(
    'CLASSIC_BAD_EXPRESSION',
    `invalid ${kind} expression ${JSON.stringify(text)}: ${problem}; write ${kind}:KEY==VALUE or ${kind}:KEY!=VALUE (VALUE may be a glob such as us*, a /regexp/, or start with ~ to make the expression soft)`,
    { kind, expression: text, problem },
  );
}

function valueMatcher(kind: string, text: string, value: string): (candidate: string) => boolean {
  if (value.length >= 2 && value.startsWith('/') && value.endsWith('/')) {
    let source = value.slice(1, -1);
    let flags = '';
    if (source.startsWith('(?i)')) {
      source = source.slice(4);
      flags = 'i';
    }
    let re: RegExp;
    try {
      re = new RegExp(source, flags);
    } catch (e) {
      throw badExpression(kind, text, `the regular expression does not compile (${(e as Error).message})`);
    }
    // Swarm 0.2 anchors nothing: /node[12]/ matches any name containing node1 or node2.
    return (c) => re.test(c);
  }
  if (value.includes('*')) {
    const source = value
      .split('*')
      .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    const re = new RegExp(`^${source}$`);
    return (c) => re.test(c);
  }
  return (c) => c === value;
}

/**
 * Parses one expression. `kind` (`constraint` or `affinity`) only words the error.
 * Throws `ClassicError` `CLASSIC_BAD_EXPRESSION` for an expression without an operator, with a bad
 * key, an empty value or a regular expression that does not compile.
 */
export function parseExpression(kind: 'constraint' | 'affinity', text: string): Expression {
  const m = /^([^=!~]*)(==|!=|~=)(.*)$/s.exec(text);
  if (m === null) throw badExpression(kind, text, 'it has no ==, != or ~= operator');
  const key = m[1]!.trim();
  let operator: '==' | '!=' = m[2] === '!=' ? '!=' : '==';
  let soft = m[2] === '~=';
  let value = m[3]!.trim();
  if (value.startsWith('~')) {
    soft = true;
    value = value.slice(1).trim();
  }
  if (key === '') throw badExpression(kind, text, 'the key before the operator is empty');
  if (!KEY.test(key))
    throw badExpression(
      kind,
      text,
      `the key ${JSON.stringify(key)} must start with a letter or _ and hold only letters, digits, _ . - /`,
    );
  if (value === '') throw badExpression(kind, text, 'the value after the operator is empty');
  if (/(==|!=)/.test(value)) throw badExpression(kind, text, 'it has more than one operator');
  operator = operator === '!=' ? '!=' : '==';
  const matches = valueMatcher(kind, text, value);
  return { text, key, operator, soft, value, matches };
}

/**
 * Whether an expression holds over a set of candidate strings: `==` needs one of them to match,
 * `!=` needs none to.
 */
export function holds(e: Expression, candidates: Iterable<string>): boolean {
  let any = false;
  for (const c of candidates)
    if (e.matches(c)) {
      any = true;
      break;
    }
  return e.operator === '==' ? any : !any;
}

import { InvalidConstraintError, InvalidZoneConstraintError } from './errors.js';
import { type IpBlock, ipInBlock, parseIpBlock } from './ip.js';
import type { NodeInfo } from './types.js';
import { isReservedZoneKey, ZONE_LABEL } from './zone.js';

/** The operator of a constraint: equal or not equal. */
export type ConstraintOperator = '==' | '!=';

type FixedKind = 'id' | 'hostname' | 'role' | 'ip' | 'os' | 'arch';

/** What a constraint reads: a fixed node field, a manager-owned label or an engine label. */
export type ConstraintTarget =
  | { readonly kind: FixedKind }
  | { readonly kind: 'label' | 'engine-label'; readonly name: string };

/** A parsed placement constraint. `zone` is set for `node.labels.swarm.zone==NAME`. */
export interface Constraint {
  readonly expression: string;
  readonly target: ConstraintTarget;
  readonly operator: ConstraintOperator;
  readonly value: string;
  /** The zone this constraint requires, if it is a zone constraint. */
  readonly zone?: string;
  readonly ip?: IpBlock;
}

const FIXED_KEYS: Record<string, FixedKind> = {
  'node.id': 'id',
  'node.hostname': 'hostname',
  'node.role': 'role',
  'node.ip': 'ip',
  'node.platform.os': 'os',
  'node.platform.arch': 'arch',
};
const KEY_PATTERN = /^[A-Za-z0-9_.\-/]+$/;

/**
 * Parses `key==value` or `key!=value`. Keys other than label names are case-insensitive; values
 * compare case-insensitively as in swarm, except zone values, which must match exactly.
 * Throws InvalidConstraintError for a malformed expression and InvalidZoneConstraintError for a
 * constraint that touches a reserved zone label in any way other than `node.labels.swarm.zone==NAME`.
 */
export function parseConstraint(expression: string): Constraint {
  if (typeof expression !== 'string') throw new TypeError('constraint expression must be a string');
  const eq = expression.indexOf('==');
  const ne = expression.indexOf('!=');
  if (eq < 0 && ne < 0) throw new InvalidConstraintError(expression, 'it has no == or != operator');
  const opAt = eq < 0 ? ne : ne < 0 ? eq : Math.min(eq, ne);
  const operator: ConstraintOperator = opAt === eq ? '==' : '!=';
  const key = expression.slice(0, opAt).trim();
  const value = expression.slice(opAt + 2).trim();
  if (key === '') throw new InvalidConstraintError(expression, 'the key before the operator is empty');
  if (value === '') throw new InvalidConstraintError(expression, 'the value after the operator is empty');
  if (value.includes('==') || value.includes('!=')) {
    throw new InvalidConstraintError(expression, 'it has more than one operator');
  }
  if (!KEY_PATTERN.test(key))
    throw new InvalidConstraintError(expression, `the key ${JSON.stringify(key)} has invalid characters`);
  const lower = key.toLowerCase();
  const fixed = FIXED_KEYS[lower];
  let target: ConstraintTarget;
  if (fixed !== undefined) {
    target = { kind: fixed };
  } else if (lower.startsWith('node.labels.') && key.length > 'node.labels.'.length) {
    target = { kind: 'label', name: key.slice('node.labels.'.length) };
  } else if (lower.startsWith('engine.labels.') && key.length > 'engine.labels.'.length) {
    target = { kind: 'engine-label', name: key.slice('engine.labels.'.length) };
  } else {
    throw new InvalidConstraintError(
      expression,
      `the key ${JSON.stringify(key)} is not one the scheduler knows`,
    );
  }
  if (target.kind === 'label' || target.kind === 'engine-label') {
    if (isReservedZoneKey(target.name.toLowerCase()))
      return zoneConstraint(expression, target, operator, value);
  }
  if (target.kind === 'role' && !['worker', 'manager'].includes(value.toLowerCase())) {
    throw new InvalidConstraintError(expression, 'node.role is either worker or manager');
  }
  if (target.kind === 'ip') {
    const ip = parseIpBlock(value);
    if (ip === undefined)
      throw new InvalidConstraintError(
        expression,
        `${JSON.stringify(value)} is not an IP address or CIDR block`,
      );
    return { expression, target, operator, value, ip };
  }
  return { expression, target, operator, value };
}

function zoneConstraint(
  expression: string,
  target: ConstraintTarget & { name: string },
  operator: ConstraintOperator,
  value: string,
): Constraint {
  if (target.kind === 'engine-label') {
    throw new InvalidZoneConstraintError(
      expression,
      `engine labels are reported by the node itself and never decide a zone; use node.labels.${ZONE_LABEL}==NAME`,
    );
  }
  if (target.name !== ZONE_LABEL) {
    throw new InvalidZoneConstraintError(
      expression,
      `labels under the reserved ${ZONE_LABEL} prefix cannot be constrained; use node.labels.${ZONE_LABEL}==NAME`,
    );
  }
  if (operator === '!=') {
    throw new InvalidZoneConstraintError(
      expression,
      `"!=" on a zone would let the task run in every other zone, including none; name the zone with ==`,
    );
  }
  return { expression, target, operator, value, zone: value };
}

/** True when the node satisfies the constraint. A missing label fails `==` and passes `!=`. */
export function matchConstraint(c: Constraint, node: NodeInfo): boolean {
  if (c.zone !== undefined) return node.labels[ZONE_LABEL] === c.zone; // exact, manager-owned only
  let actual: string | undefined;
  switch (c.target.kind) {
    case 'id':
      actual = node.id;
      break;
    case 'hostname':
      actual = node.hostname;
      break;
    case 'role':
      actual = node.role;
      break;
    case 'os':
      actual = node.platform.os;
      break;
    case 'arch':
      actual = node.platform.architecture;
      break;
    case 'ip': {
      const inside = c.ip !== undefined && node.addr !== '' && ipInBlock(node.addr, c.ip);
      return c.operator === '==' ? inside : !inside;
    }
    case 'label':
      actual = node.labels[c.target.name];
      break;
    case 'engine-label':
      actual = node.engineLabels[c.target.name];
      break;
  }
  const equal = actual !== undefined && equalFold(actual, c.value);
  return c.operator === '==' ? equal : !equal;
}

function equalFold(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

/** Parses every constraint of a task; the zone is the value of its zone constraint, if any. */
export function parseConstraints(expressions: readonly string[]): {
  constraints: Constraint[];
  zones: string[];
} {
  const constraints = expressions.map(parseConstraint);
  const zones = [...new Set(constraints.flatMap((c) => (c.zone === undefined ? [] : [c.zone])))];
  return { constraints, zones };
}

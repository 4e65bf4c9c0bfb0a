import { SwarmError } from '@swarm/api';

/** The codes of the scheduler's errors. */
export type SchedulerErrorCode = 'INVALID_CONSTRAINT' | 'INVALID_ZONE_CONSTRAINT' | 'INVALID_PREFERENCE';

/** A placement constraint that cannot be parsed (no operator, bad key, empty value...). */
export class InvalidConstraintError extends SwarmError<'INVALID_CONSTRAINT'> {
  override readonly name = 'InvalidConstraintError';
  constructor(expression: string, problem: string) {
    super(
      'INVALID_CONSTRAINT',
      `invalid placement constraint ${JSON.stringify(expression)}: ${problem}; write key==value or ` +
        'key!=value with a key such as node.labels.NAME, node.role, node.hostname, node.ip or node.platform.os',
      { expression, problem },
    );
  }
}

/**
 * A constraint on a reserved security-zone label that could let a task escape its zone: `!=` on the
 * zone key, any constraint on another reserved key, or a zone key read from engine labels.
 */
export class InvalidZoneConstraintError extends SwarmError<'INVALID_ZONE_CONSTRAINT'> {
  override readonly name = 'InvalidZoneConstraintError';
  constructor(expression: string, problem: string) {
    super(
      'INVALID_ZONE_CONSTRAINT',
      `invalid security-zone constraint ${JSON.stringify(expression)}: ${problem}`,
      {
        expression,
        problem,
      },
    );
  }
}

/** A placement preference whose spread descriptor is not `node.labels.NAME` or `engine.labels.NAME`. */
export class InvalidPreferenceError extends SwarmError<'INVALID_PREFERENCE'> {
  override readonly name = 'InvalidPreferenceError';
  constructor(descriptor: string) {
    super(
      'INVALID_PREFERENCE',
      `invalid placement preference spread=${JSON.stringify(descriptor)}: spread over node.labels.NAME or engine.labels.NAME`,
      { descriptor },
    );
  }
}

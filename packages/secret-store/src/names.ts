import { InvalidSecretNameError } from './errors.js';

/**
 * Swarm's rule for secret names, also used for delivered file names and task directory names:
 * a letter or digit, then letters, digits, `_`, `.` or `-`, 64 characters at most. It excludes
 * path separators, `.`/`..`, NUL and whitespace, so a name is always one safe path component.
 */
export const SECRET_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,63}$/;

/** Whether `value` follows the secret name rule (`SECRET_NAME_PATTERN`). */
export function isValidSecretName(value: unknown): value is string {
  return typeof value === 'string' && SECRET_NAME_PATTERN.test(value);
}

/** Throws `INVALID_SECRET_NAME` naming `what` unless `value` follows the rule. */
export function assertSecretName(value: unknown, what = 'name'): asserts value is string {
  if (!isValidSecretName(value)) throw new InvalidSecretNameError(what, value);
}

import { SwarmError } from '@swarm/api';

export type TestbedErrorCode =
  | 'TESTBED_MISSING_TOOL'
  | 'TESTBED_NOT_ROOT'
  | 'TESTBED_COMMAND_FAILED'
  | 'TESTBED_START_FAILED'
  | 'TESTBED_INVALID_ARGUMENT';

/** A program the bench needs is not installed. */
export class MissingToolError extends SwarmError<'TESTBED_MISSING_TOOL'> {
  override readonly name = 'MissingToolError';
  constructor(tool: string, debianPackage: string) {
    super(
      'TESTBED_MISSING_TOOL',
      `${tool} was not found in PATH: install it with \`apt-get install ${debianPackage}\` (scripts/bootstrap.mjs does when root)`,
      { tool, debianPackage },
    );
  }
}

/** Namespaces, engines and bridges need root. */
export class NotRootError extends SwarmError<'TESTBED_NOT_ROOT'> {
  override readonly name = 'NotRootError';
  constructor(what: string) {
    super('TESTBED_NOT_ROOT', `${what} needs root (network namespaces, dockerd): run the tests as root`, {
      what,
    });
  }
}

/** A command the bench ran exited with an error. */
export class CommandFailedError extends SwarmError<'TESTBED_COMMAND_FAILED'> {
  override readonly name = 'CommandFailedError';
  constructor(argv: readonly string[], code: number | null, stderr: string) {
    super(
      'TESTBED_COMMAND_FAILED',
      `\`${argv.join(' ')}\` failed (${code === null ? 'killed' : `exit code ${code}`}): ${stderr.trim().slice(-2000) || 'no output'}`,
      { argv: [...argv], code },
    );
  }
}

/** A daemon (dockerd, the registry, a dialer) did not come up. */
export class StartFailedError extends SwarmError<'TESTBED_START_FAILED'> {
  override readonly name = 'StartFailedError';
  constructor(what: string, reason: string, logTail: string) {
    super('TESTBED_START_FAILED', `${what} did not start: ${reason}\n${logTail.slice(-3000)}`, {
      what,
      reason,
    });
  }
}

/** A bad option given to a bench helper. */
export class InvalidArgumentError extends SwarmError<'TESTBED_INVALID_ARGUMENT'> {
  override readonly name = 'InvalidArgumentError';
  constructor(message: string) {
    super('TESTBED_INVALID_ARGUMENT', message);
  }
}

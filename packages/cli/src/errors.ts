import { SwarmError } from '@swarm/api';

/**
 * A command line the CLI cannot run (unknown command or flag, missing or malformed argument).
 * The CLI prints the message and "See 'swarm COMMAND --help'." and exits with 2; nothing is sent
 * to the daemon.
 */
export class UsageError extends SwarmError<'USAGE_ERROR'> {
  override readonly name = 'UsageError';
  /** The command path the help hint points at ('' for the top level); set by the parser. */
  command: string;
  /** Whether to print the command's usage line after the hint (argument count errors, as Docker). */
  readonly showUsage: boolean;

  constructor(message: string, options: { command?: string; showUsage?: boolean } = {}) {
    super('USAGE_ERROR', message, {});
    this.command = options.command ?? '';
    this.showUsage = options.showUsage ?? false;
  }
}

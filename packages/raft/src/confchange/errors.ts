import { SwarmError } from '@swarm/api';

/**
 * A configuration change that cannot be applied to the current configuration (for example,
 * entering a joint config while already joint, or removing every voter). The configuration is left
 * unchanged. `details.config` holds the configuration the change was applied to and
 * `details.changes` the changes, both in the text form of `describeConfig`/`describeConfChanges`.
 */
export class ConfChangeError extends SwarmError<'INVALID_CONF_CHANGE'> {
  override readonly name = 'ConfChangeError';

  constructor(message: string, details: Record<string, unknown> = {}) {
    super('INVALID_CONF_CHANGE', message, details);
  }
}

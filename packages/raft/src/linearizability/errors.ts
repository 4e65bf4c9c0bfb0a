import { SwarmError } from '@swarm/api';

/** The codes of LinearizabilityError. */
export type LinearizabilityErrorCode = 'MODEL_NOT_DETERMINISTIC' | 'OPERATION_ALREADY_COMPLETED';

/**
 * Misuse of the checker or the recorder that is not a bad argument: a model whose `step` answers
 * differently for the same input, or a recorded operation completed twice.
 */
export class LinearizabilityError extends SwarmError<LinearizabilityErrorCode> {
  override readonly name = 'LinearizabilityError';
}

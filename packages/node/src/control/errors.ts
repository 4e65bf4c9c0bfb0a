/** Typed errors of the control API's transport. Each carries a stable `code`. */
import { SwarmError } from '@swarm/api';

export type ControlAccessCode =
  | 'CONTROL_CLIENT_CERT_REQUIRED'
  | 'CONTROL_ORIGIN_REFUSED'
  | 'CONTROL_HOST_REFUSED'
  | 'CONTROL_CONTENT_TYPE_REFUSED'
  | 'CONTROL_TLS_MISSING'
  | 'CONTROL_TLS_INSECURE'
  | 'CONTROL_LOCAL_SOCKET_REQUIRED';

/** HTTP status of each refusal (the TLS files' codes are the CLI's own and never answered). */
const STATUS: Record<ControlAccessCode, number> = {
  CONTROL_CLIENT_CERT_REQUIRED: 401,
  CONTROL_ORIGIN_REFUSED: 403,
  CONTROL_HOST_REFUSED: 403,
  CONTROL_CONTENT_TYPE_REFUSED: 415,
  CONTROL_TLS_MISSING: 500,
  CONTROL_TLS_INSECURE: 500,
  CONTROL_LOCAL_SOCKET_REQUIRED: 403,
};

/** A request the control API's access rule refuses, or client TLS files that cannot be used. */
export class ControlAccessError extends SwarmError<ControlAccessCode> {
  override readonly name = 'ControlAccessError';
  /** The HTTP status to answer with. */
  get status(): number {
    return STATUS[this.code];
  }
}

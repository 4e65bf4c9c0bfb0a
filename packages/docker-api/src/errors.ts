/**
 * Every error this package throws on purpose. A backend throws the `Docker*Error` classes to choose
 * the HTTP status Docker uses for the case (the body is always `{"message": ...}`); anything else a
 * backend throws is answered with 500 and its message. The classes mirror Docker's `errdefs`
 * (NotFound 404, InvalidParameter 400, Conflict 409, Unavailable 503, Forbidden 403,
 * NotImplemented 501, System 500).
 */
import { SwarmError } from '@swarm/api';

/**
 * The `code` of a `DockerApiError`, one per Docker error class; each maps to one HTTP status
 * (`DOCKER_NOT_FOUND` 404, `DOCKER_INVALID_PARAMETER` 400, `DOCKER_CONFLICT` 409,
 * `DOCKER_UNAVAILABLE` 503, `DOCKER_FORBIDDEN` 403, `DOCKER_NOT_IMPLEMENTED` 501, `DOCKER_SYSTEM` 500).
 */
export type DockerErrorCode =
  | 'DOCKER_NOT_FOUND'
  | 'DOCKER_INVALID_PARAMETER'
  | 'DOCKER_CONFLICT'
  | 'DOCKER_UNAVAILABLE'
  | 'DOCKER_FORBIDDEN'
  | 'DOCKER_NOT_IMPLEMENTED'
  | 'DOCKER_SYSTEM';

const STATUS: Record<DockerErrorCode, number> = {
  DOCKER_NOT_FOUND: 404,
  DOCKER_INVALID_PARAMETER: 400,
  DOCKER_CONFLICT: 409,
  DOCKER_UNAVAILABLE: 503,
  DOCKER_FORBIDDEN: 403,
  DOCKER_NOT_IMPLEMENTED: 501,
  DOCKER_SYSTEM: 500,
};

/** An error answered with Docker's status code for its class and `{"message": message}`. */
export class DockerApiError extends SwarmError<DockerErrorCode> {
  override readonly name: string = 'DockerApiError';
  /** The HTTP status the server answers with. */
  readonly status: number;
  constructor(code: DockerErrorCode, message: string, details: Record<string, unknown> = {}) {
    super(code, message, details);
    this.status = STATUS[code];
  }
}

/** 404: no object with that ID, ID prefix or name ("service web not found"), or no such endpoint. */
export class DockerNotFoundError extends DockerApiError {
  override readonly name = 'DockerNotFoundError';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('DOCKER_NOT_FOUND', message, details);
  }
}

/** 400: a malformed body, a bad query parameter, an invalid spec. */
export class DockerInvalidParameterError extends DockerApiError {
  override readonly name = 'DockerInvalidParameterError';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('DOCKER_INVALID_PARAMETER', message, details);
  }
}

/** 409: a name already taken. */
export class DockerConflictError extends DockerApiError {
  override readonly name = 'DockerConflictError';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('DOCKER_CONFLICT', message, details);
  }
}

/** 503: the node is not (or not yet) able to serve the call: not a manager, locked, no quorum. */
export class DockerUnavailableError extends DockerApiError {
  override readonly name = 'DockerUnavailableError';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('DOCKER_UNAVAILABLE', message, details);
  }
}

/** 403: the request is understood and refused (a TCP request with an Origin or a foreign Host). */
export class DockerForbiddenError extends DockerApiError {
  override readonly name = 'DockerForbiddenError';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('DOCKER_FORBIDDEN', message, details);
  }
}

/** 501: a Docker feature this server does not provide (configs, plugins, a field it cannot honour). */
export class DockerNotImplementedError extends DockerApiError {
  override readonly name = 'DockerNotImplementedError';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('DOCKER_NOT_IMPLEMENTED', message, details);
  }
}

/** 500: the backend failed (Docker's "System" class, and gRPC's Unknown such as "update out of sequence"). */
export class DockerSystemError extends DockerApiError {
  override readonly name = 'DockerSystemError';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super('DOCKER_SYSTEM', message, details);
  }
}

/** Bad options given to `serveDockerApi` (a plain TCP address, missing TLS files). */
export class DockerApiOptionsError extends SwarmError<'DOCKER_API_TLS_REQUIRED' | 'DOCKER_API_BAD_LISTEN'> {
  override readonly name = 'DockerApiOptionsError';
}

/** The status and message an error is answered with. */
export function responseFor(err: unknown): { status: number; message: string } {
  if (err instanceof DockerApiError) return { status: err.status, message: err.message };
  const status = (err as { status?: unknown } | null)?.status;
  const message = err instanceof Error ? err.message : String(err);
  if (typeof status === 'number' && status >= 400 && status < 600) return { status, message };
  return { status: 500, message };
}

/**
 * Every error this package throws on purpose: a `SwarmError` with a stable code. The API front end
 * answers each with Docker's status code for its class (see `dockerErrorOf` in server.ts).
 */
import { SwarmError } from '@swarm/api';

/** The codes of `@swarm/classic`'s errors. */
export type ClassicErrorCode =
  /** A `constraint:`/`affinity:` expression that does not parse. */
  | 'CLASSIC_BAD_EXPRESSION'
  /** No engine of the pool passes the filters, or none has the resources asked for. */
  | 'CLASSIC_NO_ENGINE'
  /** A discovery URL this package does not know, or one that is malformed. */
  | 'CLASSIC_BAD_DISCOVERY'
  /** The discovery backend could not be read or written. */
  | 'CLASSIC_DISCOVERY_FAILED'
  /** An engine address that is not `HOST:PORT` (or `unix:///path`). */
  | 'CLASSIC_BAD_ADDRESS'
  /** An engine did not answer, or answered with something that is not the Docker API. */
  | 'CLASSIC_ENGINE_FAILED'
  /** Bad options (strategy name, refresh interval, listen address). */
  | 'CLASSIC_BAD_OPTION';

/** An error of `@swarm/classic`; `code` says which case it is. */
export class ClassicError extends SwarmError<ClassicErrorCode> {
  override readonly name = 'ClassicError';
}

/**
 * Errors across the wire. A SwarmError thrown by a handler travels as a gRPC status (a code that
 * fits it) plus its JSON form in the trailing metadata `swarm-error-bin`, so the client rebuilds
 * an error with the same `code`, message and details. Anything else becomes a generic INTERNAL
 * status (the real error is logged on the server, never sent: it may name internals).
 */
import { Metadata, type ServiceError, type StatusObject, status } from '@grpc/grpc-js';
import { isSwarmError, type Logger, SwarmError } from '@swarm/api';

/** The gRPC metadata key that carries a SwarmError as JSON across the wire. */
export const ERROR_METADATA_KEY = 'swarm-error-bin';
const MAX_ERROR_JSON_BYTES = 4096;

/** The codes of RpcError. */
export type RpcErrorCode =
  | 'MANAGER_UNAVAILABLE'
  | 'RPC_DEADLINE_EXCEEDED'
  | 'RPC_CANCELLED'
  | 'RPC_FAILED'
  | 'RPC_BAD_RESPONSE'
  | 'RPC_CLIENT_CLOSED'
  | 'RPC_HANDLER_MISSING'
  | 'RPC_LISTEN_FAILED';

/** An error raised by this RPC layer itself (not by a remote handler). */
export class RpcError extends SwarmError<RpcErrorCode> {
  override readonly name = 'RpcError';
}

/** The gRPC status that fits a SwarmError code. */
export function grpcStatusFor(code: string): status {
  if (code === 'AUTH_NO_CERTIFICATE') return status.UNAUTHENTICATED;
  if (code.startsWith('AUTH_') || code.endsWith('_DENIED')) return status.PERMISSION_DENIED;
  if (code.endsWith('_UNAVAILABLE') || code === 'NOT_LEADER') return status.UNAVAILABLE;
  if (code.endsWith('_NOT_FOUND')) return status.NOT_FOUND;
  if (code.endsWith('_RATE_LIMITED')) return status.RESOURCE_EXHAUSTED;
  if (code.endsWith('_DEADLINE_EXCEEDED') || code.endsWith('_TIMEOUT')) return status.DEADLINE_EXCEEDED;
  if (
    code.startsWith('INVALID_') ||
    code.startsWith('CSR_') ||
    code.startsWith('JOIN_TOKEN_') ||
    code.endsWith('_MALFORMED') ||
    code.endsWith('_TOO_LARGE')
  )
    return status.INVALID_ARGUMENT;
  return status.FAILED_PRECONDITION;
}

function safeJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? v.toString() : v));
}

/** A handler's error as the status grpc-js sends. */
export function toStatus(err: unknown, logger: Logger, path: string): Partial<StatusObject> {
  if (isSwarmError(err)) {
    const e = err as SwarmError;
    const metadata = new Metadata();
    const bare = { name: e.name, code: e.code, message: e.message.slice(0, 1024), details: {} };
    let json: string;
    try {
      json = safeJson(e.toJSON());
    } catch {
      json = safeJson(bare);
    }
    // Trailing metadata is capped (8 KiB by default in gRPC): past the cap, details are dropped
    // rather than losing the whole error.
    if (Buffer.byteLength(json) > MAX_ERROR_JSON_BYTES)
      json = safeJson({ ...bare, details: { truncated: true } });
    metadata.set(ERROR_METADATA_KEY, Buffer.from(json, 'utf8'));
    return { code: grpcStatusFor(e.code), details: e.message.slice(0, 1024), metadata };
  }
  logger.error('RPC handler failed', {
    method: path,
    error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
  });
  return { code: status.INTERNAL, details: `internal error in ${path} (see the serving node's log)` };
}

/**
 * A client-side gRPC error as a SwarmError: the server's own error when it sent one, otherwise one
 * named after the status (`MANAGER_UNAVAILABLE` when the peer cannot be reached).
 */
export function fromServiceError(err: Partial<ServiceError> | Error, addr: string, path: string): SwarmError {
  const se = err as Partial<ServiceError>;
  const raw = se.metadata?.get(ERROR_METADATA_KEY)[0];
  if (raw !== undefined) {
    try {
      const text = typeof raw === 'string' ? raw : Buffer.from(raw).toString('utf8');
      return SwarmError.fromJSON(JSON.parse(text));
    } catch {
      // fall through: a malformed error payload is reported by its status
    }
  }
  const details = se.details ?? err.message;
  const facts = { addr, method: path, grpcCode: se.code ?? status.UNKNOWN, reason: details };
  switch (se.code) {
    case status.UNAVAILABLE:
      return new RpcError(
        'MANAGER_UNAVAILABLE',
        `manager ${addr} is unavailable (${details}); check that it runs and is reachable, or try another manager`,
        facts,
      );
    case status.DEADLINE_EXCEEDED:
      return new RpcError('RPC_DEADLINE_EXCEEDED', `${path} to ${addr} timed out (${details})`, facts);
    case status.CANCELLED:
      return new RpcError('RPC_CANCELLED', `${path} to ${addr} was cancelled (${details})`, facts);
    default:
      return new RpcError(
        'RPC_FAILED',
        `${path} to ${addr} failed with gRPC status ${status[se.code ?? status.UNKNOWN] ?? se.code}: ${details}`,
        facts,
      );
  }
}

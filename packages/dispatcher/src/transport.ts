/**
 * The transport seam. The dispatcher serves four calls; a transport (gRPC over mTLS in
 * @swarm/node, `MemoryTransport` in tests) carries them and supplies the caller's node ID from
 * its authentication (the peer certificate's CN), never from a request body.
 */
import type { swarm } from '@swarm/api';

/** The sending half of a server stream. `end(error)` ends it with an error status. */
export interface MessageSink<T> {
  /** Sends one message on the stream. */
  send(message: T): void;
  /** Ends the stream (with an error status when `error` is given). */
  end(error?: Error): void;
}

/** Returned for every stream; `cancel()` is the client going away. Idempotent. */
export interface StreamHandle {
  /** Cancels the stream from the receiving side. */
  cancel(): void;
}

/** What the transport verified about a session's peer, besides its node ID. */
export interface SessionPeer {
  /**
   * The host the session's connection came from (the TLS peer's IP address), as the transport
   * saw it: recorded as the node's address (`status.addr`, used for ingress routing). A node's own
   * description (`description.addr`) is never used for that.
   */
  addr?: string;
}

/** What a manager serves. `nodeId` is the authenticated caller. Streams report errors through `sink.end(error)`. */
export interface DispatcherService {
  /** Opens the session stream of worker `nodeId`. */
  session(
    nodeId: string,
    request: swarm.SessionRequest.$Properties,
    sink: MessageSink<swarm.SessionMessage>,
    peer?: SessionPeer,
  ): StreamHandle;
  /** A heartbeat of worker `nodeId`. */
  heartbeat(nodeId: string, request: swarm.HeartbeatRequest.$Properties): Promise<swarm.HeartbeatResponse>;
  /** Status reports of worker `nodeId`'s tasks. */
  updateTaskStatus(
    nodeId: string,
    request: swarm.UpdateTaskStatusRequest.$Properties,
  ): Promise<swarm.UpdateTaskStatusResponse>;
  /** Opens the assignment stream of worker `nodeId`. */
  assignments(
    nodeId: string,
    request: swarm.AssignmentsRequest.$Properties,
    sink: MessageSink<swarm.AssignmentsMessage>,
  ): StreamHandle;
}

/** A worker's connection to one manager; the transport has bound the worker's identity to it. */
export interface DispatcherConnection {
  /** Opens this worker's session stream. */
  session(request: swarm.SessionRequest.$Properties, sink: MessageSink<swarm.SessionMessage>): StreamHandle;
  /** Sends a heartbeat. */
  heartbeat(request: swarm.HeartbeatRequest.$Properties): Promise<swarm.HeartbeatResponse>;
  /** Sends status reports of this worker's tasks. */
  updateTaskStatus(
    request: swarm.UpdateTaskStatusRequest.$Properties,
  ): Promise<swarm.UpdateTaskStatusResponse>;
  /** Opens this worker's assignment stream. */
  assignments(
    request: swarm.AssignmentsRequest.$Properties,
    sink: MessageSink<swarm.AssignmentsMessage>,
  ): StreamHandle;
  /** Closes the connection; open streams end. */
  close(): void;
}

/** Opens a connection to the manager at `addr`; throws or returns a connection whose calls fail when it is unreachable. */
export type Connector = (addr: string) => DispatcherConnection;

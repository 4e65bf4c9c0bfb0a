/**
 * RPC role declarations. Every RPC names who may call it: `insecure` (root CA fetch, certificate
 * issue and status: joiners have no certificate yet), `manager`, or `worker|manager`. A method
 * without a declaration is refused, and `checkRpcRoles` lets a test fail the build for it.
 */
import { type AuthorizeOptions, authorize, type NodeIdentity, type PeerCertChain } from './authorize.js';
import { AuthorizationError } from './errors.js';
import type { NodeRole } from './issue.js';

/** Who may call an RPC: anyone (`insecure`), managers, or workers and managers. */
export type RpcRole = 'insecure' | 'manager' | 'worker|manager';

/** Method name (e.g. `/swarm.Dispatcher/Session`) to the roles that may call it. */
export type RpcRoleTable = Readonly<Record<string, RpcRole>>;

const RPC_ROLES: readonly RpcRole[] = ['insecure', 'manager', 'worker|manager'];

/** The certificate OUs an RPC role admits (empty for `insecure`). */
export function allowedRolesFor(role: RpcRole): readonly NodeRole[] {
  switch (role) {
    case 'manager':
      return ['swarm-manager'];
    case 'worker|manager':
      return ['swarm-worker', 'swarm-manager'];
    case 'insecure':
      return [];
    default:
      throw new TypeError(
        `unknown RPC role ${JSON.stringify(role)}; use 'insecure', 'manager' or 'worker|manager'`,
      );
  }
}

/** Checks a table's values and returns it frozen. */
export function defineRpcRoles<T extends Record<string, RpcRole>>(table: T): Readonly<T> {
  for (const [method, role] of Object.entries(table))
    if (!RPC_ROLES.includes(role))
      throw new TypeError(`RPC ${method} has unknown role ${JSON.stringify(role)}`);
  return Object.freeze({ ...table });
}

/**
 * Throws `AUTH_RPC_UNDECLARED` naming every method in `methods` that `table` does not declare.
 * Call it in a test over every service definition so a new RPC cannot ship without a role.
 */
export function checkRpcRoles(table: RpcRoleTable, methods: Iterable<string>): void {
  const missing = [...methods].filter((m) => !Object.hasOwn(table, m));
  if (missing.length > 0)
    throw new AuthorizationError('AUTH_RPC_UNDECLARED', `these RPCs declare no role: ${missing.join(', ')}`, {
      missing,
    });
}

/**
 * Authorizes a call to `method`: `null` for an `insecure` RPC (anyone may call it), the verified
 * identity otherwise. An undeclared method is refused (`AUTH_RPC_UNDECLARED`).
 */
export function authorizeRpc(
  table: RpcRoleTable,
  method: string,
  peerCertChain: PeerCertChain | undefined | null,
  options: Omit<AuthorizeOptions, 'allowedRoles'>,
): NodeIdentity | null {
  if (!Object.hasOwn(table, method))
    throw new AuthorizationError('AUTH_RPC_UNDECLARED', `RPC refused: ${method} declares no role`, {
      method,
    });
  const role = table[method]!;
  if (role === 'insecure') return null;
  return authorize(peerCertChain, { ...options, allowedRoles: allowedRolesFor(role) });
}

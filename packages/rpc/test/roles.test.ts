import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkRpcRoles, type RpcRole } from '@swarm/ca';
import { describe, expect, it } from 'vitest';
import { RPC_ROLES } from '../src/roles.js';
import { ALL_METHOD_PATHS, RPC_SERVICES, SERVICE_NAMES, serviceDefinition } from '../src/services.js';

const protoDir = fileURLToPath(new URL('../../api/proto/swarm/', import.meta.url));

interface ProtoRpc {
  path: string;
  clientStream: boolean;
  serverStream: boolean;
}

/** Every `rpc` line of every .proto, by service (Control is served over the local socket, not gRPC). */
function protoRpcs(): ProtoRpc[] {
  const out: ProtoRpc[] = [];
  for (const file of readdirSync(protoDir).filter((f) => f.endsWith('.proto'))) {
    let service: string | undefined;
    for (const line of readFileSync(protoDir + file, 'utf8').split('\n')) {
      const s = /^\s*service\s+(\w+)\s*\{/.exec(line);
      if (s) service = s[1];
      const r =
        /^\s*rpc\s+(\w+)\s*\(\s*(stream\s+)?[\w.]+\s*\)\s*returns\s*\(\s*(stream\s+)?[\w.]+\s*\)/.exec(line);
      if (r) {
        if (service === undefined) throw new Error(`rpc outside a service in ${file}: ${line}`);
        if (service === 'Control') continue;
        out.push({ path: `/swarm.${service}/${r[1]}`, clientStream: !!r[2], serverStream: !!r[3] });
      } else if (/^\s*rpc\s/.test(line)) throw new Error(`unparsed rpc line in ${file}: ${line}`);
    }
  }
  return out;
}

describe('RPC role table', () => {
  const rpcs = protoRpcs();

  it('finds the services of the .proto files', () => {
    expect(rpcs.length).toBeGreaterThanOrEqual(16);
    expect(new Set(rpcs.map((r) => r.path.split('/')[1]))).toEqual(
      new Set(SERVICE_NAMES.map((s) => `swarm.${s}`)),
    );
  });

  it('declares a role for every rpc of every .proto (except Control)', () => {
    expect(() =>
      checkRpcRoles(
        RPC_ROLES,
        rpcs.map((r) => r.path),
      ),
    ).not.toThrow();
  });

  it('fails the check for an undeclared method', () => {
    expect(() => checkRpcRoles(RPC_ROLES, ['/swarm.Raft/NewThing'])).toThrow(
      expect.objectContaining({ code: 'AUTH_RPC_UNDECLARED' }),
    );
  });

  it('services.ts, the role table and the .proto files name the same methods', () => {
    const fromProto = rpcs.map((r) => r.path).sort();
    expect([...ALL_METHOD_PATHS].sort()).toEqual(fromProto);
    expect(Object.keys(RPC_ROLES).sort()).toEqual(fromProto);
  });

  it('services.ts has the streaming flags of the .proto files', () => {
    const byPath = new Map(rpcs.map((r) => [r.path, r]));
    for (const s of SERVICE_NAMES) {
      for (const def of Object.values(serviceDefinition(s))) {
        const p = byPath.get(def.path);
        expect(p, def.path).toBeDefined();
        expect([def.path, def.requestStream, def.responseStream]).toEqual([
          def.path,
          p!.clientStream,
          p!.serverStream,
        ]);
      }
    }
    expect(RPC_SERVICES.Dispatcher.session.kind).toBe('serverStream');
    expect(RPC_SERVICES.Raft.streamRaftMessage.kind).toBe('clientStream');
  });

  it('gives each method the role of docs/architecture.md §4', () => {
    const expected: Record<string, RpcRole> = {
      '/swarm.CA/GetRootCACertificate': 'insecure',
      '/swarm.NodeCA/IssueNodeCertificate': 'insecure',
      '/swarm.NodeCA/NodeCertificateStatus': 'insecure',
      '/swarm.CA/GetUnlockKey': 'manager',
      '/swarm.Raft/ProcessRaftMessage': 'manager',
      '/swarm.Raft/StreamRaftMessage': 'manager',
      '/swarm.Raft/ResolveAddress': 'manager',
      '/swarm.RaftMembership/Join': 'manager',
      '/swarm.RaftMembership/Leave': 'manager',
      '/swarm.LogBroker/ListLogs': 'manager',
      '/swarm.Dispatcher/Session': 'worker|manager',
      '/swarm.Dispatcher/Heartbeat': 'worker|manager',
      '/swarm.Dispatcher/UpdateTaskStatus': 'worker|manager',
      '/swarm.Dispatcher/Assignments': 'worker|manager',
      '/swarm.LogBroker/PublishLogs': 'worker|manager',
      '/swarm.Ingress/Endpoints': 'worker|manager',
      '/swarm.Networks/NodeNetworks': 'worker|manager',
    };
    expect({ ...RPC_ROLES }).toEqual(expected);
  });
});

import { describe, expect, it } from 'vitest';
import { nodeInfo } from '../src/index.js';

describe('nodeInfo', () => {
  const resources = { nanoCpus: 2e9, memoryBytes: 2 ** 30 };

  it('builds a ready, active worker from an id and its capacity', () => {
    expect(nodeInfo({ id: 'n'.repeat(25), resources })).toEqual({
      id: 'n'.repeat(25),
      hostname: 'n'.repeat(25),
      role: 'worker',
      addr: '',
      status: 'ready',
      availability: 'active',
      labels: {},
      engineLabels: {},
      platform: { os: '', architecture: '' },
      resources,
    });
  });

  it('keeps what it is given, the certificate zone included', () => {
    const n = nodeInfo({ id: 'm', resources, role: 'manager', status: 'down', certificateZone: 'pci' });
    expect([n.role, n.status, n.certificateZone]).toEqual(['manager', 'down', 'pci']);
  });

  it('refuses a node without an id or with negative capacity, naming the field', () => {
    expect(() => nodeInfo({ id: '', resources })).toThrow(/id is required/);
    expect(() => nodeInfo({ id: 'x', resources: { nanoCpus: -1, memoryBytes: 0 } })).toThrow(/nanoCpus >= 0/);
  });
});

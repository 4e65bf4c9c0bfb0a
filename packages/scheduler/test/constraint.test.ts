import { isSwarmError } from '@swarm/api';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchConstraint, parseConstraint, ZONE_LABEL } from '../src/index.js';
import { nodeInfo } from '../src/testing.js';

const node = nodeInfo({
  id: 'n1',
  hostname: 'web-1',
  role: 'manager',
  addr: '10.1.2.3:2377',
  labels: { dc: 'east', [ZONE_LABEL]: 'pci' },
  engineLabels: { dc: 'west', ssd: 'true' },
  platform: { os: 'linux', architecture: 'arm64' },
});

describe('constraint parsing', () => {
  it('parses == and != with surrounding spaces', () => {
    expect(parseConstraint(' node.labels.dc == east ')).toMatchObject({
      operator: '==',
      value: 'east',
      target: { kind: 'label', name: 'dc' },
    });
    expect(parseConstraint('node.role!=worker').operator).toBe('!=');
  });

  it.each([
    ['node.labels.dc', 'no == or != operator'],
    ['==east', 'key before the operator is empty'],
    ['node.labels.dc==', 'value after the operator is empty'],
    ['node.labels.dc==a==b', 'more than one operator'],
    ['node.color==blue', 'not one the scheduler knows'],
    ['node.role==boss', 'either worker or manager'],
    ['node.ip==10.0.0.300', 'not an IP address'],
    ['node labels.dc==a', 'invalid characters'],
  ])('rejects %j with a clear INVALID_CONSTRAINT error', (expr, problem) => {
    let caught: unknown;
    try {
      parseConstraint(expr);
    } catch (err) {
      caught = err;
    }
    expect(isSwarmError(caught, 'INVALID_CONSTRAINT')).toBe(true);
    expect((caught as Error).message).toContain(problem);
  });

  it('matches node fields, manager labels and engine labels separately', () => {
    expect(matchConstraint(parseConstraint('node.hostname==WEB-1'), node)).toBe(true);
    expect(matchConstraint(parseConstraint('node.role==manager'), node)).toBe(true);
    expect(matchConstraint(parseConstraint('node.id!=n1'), node)).toBe(false);
    expect(matchConstraint(parseConstraint('node.platform.arch==arm64'), node)).toBe(true);
    expect(matchConstraint(parseConstraint('node.labels.dc==east'), node)).toBe(true);
    expect(matchConstraint(parseConstraint('engine.labels.dc==west'), node)).toBe(true);
    expect(matchConstraint(parseConstraint('node.labels.ssd==true'), node)).toBe(false);
  });

  it('treats a missing label as failing == and passing !=', () => {
    expect(matchConstraint(parseConstraint('node.labels.rack==r1'), node)).toBe(false);
    expect(matchConstraint(parseConstraint('node.labels.rack!=r1'), node)).toBe(true);
  });

  it('matches node.ip against an address or a CIDR block, IPv4 and IPv6', () => {
    expect(matchConstraint(parseConstraint('node.ip==10.1.2.3'), node)).toBe(true);
    expect(matchConstraint(parseConstraint('node.ip==10.1.0.0/16'), node)).toBe(true);
    expect(matchConstraint(parseConstraint('node.ip!=10.2.0.0/16'), node)).toBe(true);
    const v6 = nodeInfo({ addr: '[fd00::1:5]:2377' });
    expect(matchConstraint(parseConstraint('node.ip==fd00::/64'), v6)).toBe(true);
    expect(matchConstraint(parseConstraint('node.ip==10.0.0.0/8'), v6)).toBe(false);
  });

  it('never throws anything but a SwarmError or a match on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (text) => {
        try {
          matchConstraint(parseConstraint(text), node);
        } catch (err) {
          expect(isSwarmError(err)).toBe(true);
        }
      }),
      { numRuns: 2000, seed: 7 },
    );
  });
});

describe('zone constraints', () => {
  it('reads the zone from manager-owned labels only, with an exact value', () => {
    const c = parseConstraint(`node.labels.${ZONE_LABEL}==pci`);
    expect(c.zone).toBe('pci');
    expect(matchConstraint(c, node)).toBe(true);
    expect(matchConstraint(parseConstraint(`node.labels.${ZONE_LABEL}==PCI`), node)).toBe(false);
    const spoofed = nodeInfo({ engineLabels: { [ZONE_LABEL]: 'pci' } });
    expect(matchConstraint(c, spoofed)).toBe(false);
  });

  it.each([
    [`node.labels.${ZONE_LABEL}!=pci`, '"!=" on a zone'],
    [`engine.labels.${ZONE_LABEL}==pci`, 'engine labels'],
    [`node.labels.${ZONE_LABEL}.shared==true`, 'reserved'],
    ['node.labels.SWARM.ZONE==pci', 'reserved'],
  ])('rejects %j as INVALID_ZONE_CONSTRAINT', (expr, problem) => {
    let caught: unknown;
    try {
      parseConstraint(expr);
    } catch (err) {
      caught = err;
    }
    expect(isSwarmError(caught, 'INVALID_ZONE_CONSTRAINT')).toBe(true);
    expect((caught as Error).message).toContain(problem);
  });
});

import { describe, expect, it } from 'vitest';
import {
  buildQuery,
  DnsFormatError,
  DnsRecords,
  decodeMessage,
  encodeMessage,
  RCODE,
  RR_TYPE,
} from '../src/index.js';

const hex = (s: string) => Uint8Array.from(Buffer.from(s, 'hex'));

// Queries as busybox 1.35's nslookup sent them (captured on a UDP socket, 2026-12-07):
// `nslookup -type=a tasks.db.app` and `nslookup db` (A, then AAAA).
const BUSYBOX_TASKS_DB_APP = hex('240801000001000000000000057461736b73026462036170700000010001');
const BUSYBOX_DB_A = hex('a892010000010000000000000264620000010001');
const BUSYBOX_DB_AAAA = hex('aea60100000100000000000002646200001c0001');

const table = () => {
  const t = new DnsRecords({ ttl: 5 });
  t.update([
    {
      id: 'net-app',
      name: 'app',
      services: [
        {
          name: 'db',
          aliases: ['database'],
          mode: 'vip',
          vip: '10.128.0.1',
          tasks: ['10.128.1.2', '10.128.1.66'],
        },
        { name: 'cache', mode: 'dnsrr', tasks: ['10.128.1.3', '10.128.1.67'] },
      ],
    },
    {
      id: 'net-other',
      name: 'other',
      services: [{ name: 'web', mode: 'vip', vip: '10.128.16.1', tasks: ['10.128.17.2'] }],
    },
  ]);
  return t;
};

describe('the DNS wire format (RFC 1035 section 4)', () => {
  it('decodes a query as busybox nslookup sends it', () => {
    const m = decodeMessage(BUSYBOX_TASKS_DB_APP);
    expect(m.id).toBe(0x2408);
    expect(m.flags).toMatchObject({ qr: false, opcode: 0, rd: true });
    expect(m.questions).toEqual([{ name: 'tasks.db.app', type: RR_TYPE.A, class: 1 }]);
  });

  it('encodes a query byte for byte as busybox does', () => {
    expect(Buffer.from(buildQuery(0xa892, 'db')).toString('hex')).toBe(
      Buffer.from(BUSYBOX_DB_A).toString('hex'),
    );
  });

  it('compresses repeated names with pointers (4.1.4) and reads them back', () => {
    const bytes = encodeMessage({
      id: 7,
      flags: { qr: true, opcode: 0, aa: true, tc: false, rd: true, ra: false, rcode: 0 },
      questions: [{ name: 'db.app', type: 1, class: 1 }],
      answers: [
        { name: 'db.app', type: 1, class: 1, ttl: 5, address: '10.0.0.1' },
        { name: 'x.app', type: 1, class: 1, ttl: 5, address: '10.0.0.2' },
      ],
      authorities: [],
      additionals: [],
    });
    // The first answer's name is a pointer to offset 12 (the question's name).
    expect([...bytes.subarray(24, 26)]).toEqual([0xc0, 12]);
    const m = decodeMessage(bytes);
    expect(m.answers.map((a) => [a.name, a.address])).toEqual([
      ['db.app', '10.0.0.1'],
      ['x.app', '10.0.0.2'],
    ]);
  });

  it('refuses truncated messages, forward pointers, pointer loops and trailing bytes', () => {
    expect(() => decodeMessage(BUSYBOX_DB_A.subarray(0, 15))).toThrow(DnsFormatError);
    // A question whose name is a pointer to itself (offset 12).
    expect(() => decodeMessage(hex('000101000001000000000000c00c00010001'))).toThrow(
      /does not point backwards/,
    );
    // A pointer into a label that leads back to the pointer: bounded by the 255-octet limit.
    const loop = hex('000101000001000000000000' + '0161c00c' + '00010001');
    expect(() => decodeMessage(loop)).toThrow(DnsFormatError);
    expect(() => decodeMessage(hex(`${Buffer.from(BUSYBOX_DB_A).toString('hex')}00`))).toThrow(
      /bytes after the last record/,
    );
  });

  it('refuses to encode a label longer than 63 octets', () => {
    expect(() => buildQuery(1, `${'a'.repeat(64)}.app`)).toThrow(RangeError);
  });
});

describe('the names a task resolves', () => {
  it('answers SERVICE, SERVICE.NETWORK and aliases with the VIP in vip mode', () => {
    const t = table();
    for (const name of ['db', 'db.app', 'database', 'database.app', 'DB.App.'])
      expect(t.resolve('net-app', name), name).toEqual({ rcode: RCODE.NOERROR, addresses: ['10.128.0.1'] });
  });

  it('answers tasks.SERVICE with every task, and dnsrr names with the tasks, rotated', () => {
    const t = table();
    expect(t.resolve('net-app', 'tasks.db').addresses.sort()).toEqual(['10.128.1.2', '10.128.1.66']);
    expect(t.resolve('net-app', 'tasks.db.app').addresses).toHaveLength(2);
    const first = t.resolve('net-app', 'cache').addresses;
    const second = t.resolve('net-app', 'cache').addresses;
    expect([...first].sort()).toEqual(['10.128.1.3', '10.128.1.67']);
    expect([...second].sort()).toEqual(['10.128.1.3', '10.128.1.67']);
    expect(second[0]).not.toBe(first[0]);
  });

  it("gives NXDOMAIN for another network's services and for names outside the cluster", () => {
    const t = table();
    expect(t.resolve('net-other', 'db').rcode).toBe(RCODE.NXDOMAIN);
    expect(t.resolve('net-other', 'tasks.db').rcode).toBe(RCODE.NXDOMAIN);
    expect(t.resolve('net-app', 'web.other').rcode).toBe(RCODE.NXDOMAIN);
    expect(t.resolve('net-app', 'example.com').rcode).toBe(RCODE.NXDOMAIN);
    expect(t.resolve('unknown-network', 'db').rcode).toBe(RCODE.NXDOMAIN);
  });

  it('answers a captured busybox query with A records for every task', () => {
    const r = decodeMessage(table().answer('net-app', BUSYBOX_TASKS_DB_APP)!);
    expect(r.id).toBe(0x2408);
    expect(r.flags).toMatchObject({ qr: true, aa: true, rd: true, ra: false, rcode: RCODE.NOERROR });
    expect(r.questions).toEqual([{ name: 'tasks.db.app', type: 1, class: 1 }]);
    expect(r.answers.map((a) => a.address).sort()).toEqual(['10.128.1.2', '10.128.1.66']);
    expect(r.answers.every((a) => a.ttl === 5 && a.name === 'tasks.db.app')).toBe(true);
  });

  it('answers AAAA for a known name with no records, so a client goes on to use the A answer', () => {
    const r = decodeMessage(table().answer('net-app', BUSYBOX_DB_AAAA)!);
    expect(r.flags.rcode).toBe(RCODE.NOERROR);
    expect(r.answers).toEqual([]);
  });

  it('answers FORMERR, NOTIMP, REFUSED, and ignores what is not a query', () => {
    const t = table();
    const formerr = hex('1234010000010000000000000264');
    expect(decodeMessage(t.answer('net-app', formerr)!).flags.rcode).toBe(RCODE.FORMERR);
    const status = Uint8Array.from(BUSYBOX_DB_A);
    status[2] = 0x10; // opcode 2 (STATUS)
    expect(decodeMessage(t.answer('net-app', status)!).flags.rcode).toBe(RCODE.NOTIMP);
    const chaos = Uint8Array.from(BUSYBOX_DB_A);
    chaos[chaos.length - 1] = 3; // class CH
    expect(decodeMessage(t.answer('net-app', chaos)!).flags.rcode).toBe(RCODE.REFUSED);
    const response = Uint8Array.from(BUSYBOX_DB_A);
    response[2]! |= 0x80;
    expect(t.answer('net-app', response)).toBeUndefined();
    expect(t.answer('net-app', hex('0102'))).toBeUndefined();
  });

  it('sets TC and keeps the answer within 512 octets when the task list does not fit', () => {
    const t = new DnsRecords();
    const tasks = Array.from({ length: 100 }, (_, i) => `10.128.1.${i + 2}`);
    t.update([{ id: 'n', name: 'app', services: [{ name: 'big', mode: 'dnsrr', tasks }] }]);
    const bytes = t.answer('n', buildQuery(9, 'tasks.big'))!;
    expect(bytes.length).toBeLessThanOrEqual(512);
    const r = decodeMessage(bytes);
    expect(r.flags.tc).toBe(true);
    expect(r.answers.length).toBeGreaterThan(20);
  });

  it('refuses a table with a name that is not a DNS name or a vip service without a VIP', () => {
    const t = new DnsRecords();
    expect(() => t.update([{ id: 'n', name: 'app', services: [{ name: 'a b', tasks: [] }] }])).toThrow(
      TypeError,
    );
    expect(() =>
      t.update([{ id: 'n', name: 'app', services: [{ name: 'db', mode: 'vip', tasks: [] }] }]),
    ).toThrow(/needs an IPv4 vip/);
  });
});

import { describe, expect, it } from 'vitest';
import { hostOf } from '../src/index.js';

describe('hostOf', () => {
  it('takes the host part of node addresses', () => {
    expect(hostOf('10.0.0.5:2377')).toBe('10.0.0.5');
    expect(hostOf(' 10.0.0.5 ')).toBe('10.0.0.5');
    expect(hostOf('[fd00::1]:2377')).toBe('fd00::1');
    expect(hostOf('fd00::1')).toBe('fd00::1');
    expect(hostOf('node-1.example:2377')).toBe('node-1.example');
    expect(hostOf('[fd00::1')).toBe('');
    expect(hostOf('')).toBe('');
  });
});

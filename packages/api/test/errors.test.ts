import { describe, expect, it } from 'vitest';
import { isSwarmError, SwarmError } from '../src/index.js';

class NotLeaderError extends SwarmError<'NOT_LEADER'> {
  override readonly name = 'NotLeaderError';
  constructor(leaderId: string) {
    super('NOT_LEADER', `this manager is not the leader; retry on ${leaderId}`, { leaderId });
  }
}

describe('SwarmError', () => {
  it('carries a stable code, a message and frozen details', () => {
    const err = new SwarmError('SECRET_TOO_LARGE', 'secret "db" is 600 KiB; the limit is 500 KiB', {
      limit: 512_000,
    });
    expect(err).toBeInstanceOf(Error);
    expect(err.code).toBe('SECRET_TOO_LARGE');
    expect(err.name).toBe('SwarmError');
    expect(err.details).toEqual({ limit: 512_000 });
    expect(Object.isFrozen(err.details)).toBe(true);
  });

  it('lets packages subclass it with their own name and facts', () => {
    const err = new NotLeaderError('node-2');
    expect(err.name).toBe('NotLeaderError');
    expect(err.code).toBe('NOT_LEADER');
    expect(err.details.leaderId).toBe('node-2');
    expect(isSwarmError(err, 'NOT_LEADER')).toBe(true);
    expect(isSwarmError(err, 'LOCKED')).toBe(false);
  });

  it('keeps the cause it was given', () => {
    const cause = new Error('disk full');
    const err = new SwarmError('STORAGE_WRITE_FAILED', 'could not append entries', {}, { cause });
    expect(err.cause).toBe(cause);
  });

  it('survives a trip through JSON with its code, name and details', () => {
    const err = new NotLeaderError('node-7');
    const back = SwarmError.fromJSON(JSON.parse(JSON.stringify(err)));
    expect(back).toBeInstanceOf(SwarmError);
    expect(back.code).toBe('NOT_LEADER');
    expect(back.name).toBe('NotLeaderError');
    expect(back.message).toBe(err.message);
    expect(back.details).toEqual({ leaderId: 'node-7' });
  });

  it('refuses a code that is not UPPER_SNAKE_CASE', () => {
    expect(() => new SwarmError('notLeader', 'x')).toThrow(TypeError);
    expect(() => new SwarmError('', 'x')).toThrow(/UPPER_SNAKE_CASE/);
  });

  it('refuses to rebuild something that is not an error object', () => {
    expect(() => SwarmError.fromJSON(null)).toThrow(TypeError);
    expect(() => SwarmError.fromJSON({ message: 'no code' })).toThrow(TypeError);
  });

  it('is told apart from plain errors by isSwarmError', () => {
    expect(isSwarmError(new Error('plain'))).toBe(false);
    expect(isSwarmError({ code: 'NOT_LEADER' })).toBe(false);
    expect(isSwarmError(undefined)).toBe(false);
    expect(isSwarmError(new SwarmError('LOCKED', 'locked'))).toBe(true);
  });
});

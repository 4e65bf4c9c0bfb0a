import { swarm } from '@swarm/api';
import { describe, expect, it } from 'vitest';
import { TaskLogBook, type TaskLogLine } from '../src/index.js';

const OUT = swarm.LogLine.Stream.STDOUT;

describe('TaskLogBook', () => {
  it('numbers each task its own lines from 1, hands them to onLog, and keeps them after the task finished', () => {
    const seen: TaskLogLine[] = [];
    const book = new TaskLogBook({
      nodeId: 'n',
      maxBytesPerTask: 1024,
      maxFinishedTasks: 5,
      onLog: (l) => seen.push(l),
    });
    book.open('a', 's');
    book.open('b', 's');
    book.add('a', OUT, Buffer.from('one'), 1);
    book.add('b', OUT, Buffer.from('uno'), 2);
    book.add('a', OUT, Buffer.from('two'), 3);
    book.add('zzz', OUT, Buffer.from('nobody'), 4); // not open: dropped
    expect(book.lines('a').map((l) => [Number(l.seq), Buffer.from(l.data).toString()])).toEqual([
      [1, 'one'],
      [2, 'two'],
    ]);
    expect(seen.map((l) => l.taskId)).toEqual(['a', 'b', 'a']);
    expect(seen[0]).toMatchObject({ nodeId: 'n', serviceId: 's' });
    book.finish('a');
    expect(book.lines('a', 1).map((l) => Buffer.from(l.data).toString())).toEqual(['two']);
    book.forget('b'); // still running: kept
    expect(book.lines('b')).toHaveLength(1);
    book.forget('a');
    expect(book.lines('a')).toEqual([]);
  });

  it('keeps only the newest finished tasks, and a reopened task starts over', () => {
    const book = new TaskLogBook({ nodeId: 'n', maxBytesPerTask: 1024, maxFinishedTasks: 2 });
    for (const id of ['a', 'b', 'c']) {
      book.open(id, 's');
      book.add(id, OUT, Buffer.from(id), 0);
      book.finish(id);
    }
    expect(book.lines('a')).toEqual([]);
    expect(book.lines('c')).toHaveLength(1);
    book.open('c', 's');
    expect(book.lines('c')).toEqual([]);
  });

  it('keeps going when onLog throws, and says so', () => {
    const errors: string[] = [];
    const book = new TaskLogBook({
      nodeId: 'n',
      maxBytesPerTask: 1024,
      maxFinishedTasks: 2,
      onLog: () => {
        throw new Error('boom');
      },
      onError: (id) => errors.push(id),
    });
    book.open('a', 's');
    book.add('a', OUT, Buffer.from('x'), 0);
    expect(book.lines('a')).toHaveLength(1);
    expect(errors).toEqual(['a']);
  });
});

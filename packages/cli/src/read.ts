/** Reading from stdin: a whole stream (secret data) or one line (an unlock key, typed without echo). */
import { SwarmError } from '@swarm/api';
import type { CliInput, CliOutput } from './command.js';

/** Reads stdin to its end, refusing more than `limit` bytes. */
export function readAll(stdin: CliInput, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer | string) => {
      const b = typeof c === 'string' ? Buffer.from(c) : c;
      size += b.length;
      if (size > limit) {
        cleanup();
        reject(
          new SwarmError('INVALID_ARGUMENT', `the data on stdin is larger than ${limit} bytes`, { limit }),
        );
        return;
      }
      chunks.push(b);
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (e: Error) => {
      cleanup();
      reject(e);
    };
    const cleanup = () => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', onError);
      stdin.pause();
    };
    stdin.on('data', onData);
    stdin.once('end', onEnd);
    stdin.once('error', onError);
    stdin.resume();
  });
}

/**
 * Reads one line from stdin (without the newline). On a terminal it prints `prompt` and turns echo
 * off, so an unlock key never appears on screen; Ctrl-C or Ctrl-D aborts with an error.
 */
export function readLine(stdin: CliInput, out: CliOutput, prompt: string): Promise<string> {
  const tty = stdin.isTTY === true && typeof stdin.setRawMode === 'function';
  if (tty) {
    out.write(prompt);
    stdin.setRawMode!(true);
  }
  return new Promise((resolve, reject) => {
    let text = '';
    const finish = (err: Error | undefined) => {
      stdin.off('data', onData);
      stdin.off('end', onEnd);
      stdin.off('error', onError);
      if (tty) {
        stdin.setRawMode!(false);
        out.write('\n');
      }
      stdin.pause();
      if (err !== undefined) reject(err);
      else resolve(text);
    };
    const onData = (c: Buffer | string) => {
      const s = typeof c === 'string' ? c : c.toString('utf8');
      for (const ch of s) {
        if (ch === '\n' || ch === '\r') return finish(undefined);
        if (tty && (ch === '\u0003' || ch === '\u0004')) {
          return finish(new SwarmError('ABORTED', 'aborted: no unlock key was entered'));
        }
        if (tty && (ch === '\u007f' || ch === '\b')) text = text.slice(0, -1);
        else text += ch;
        if (text.length > 4096)
          return finish(new SwarmError('INVALID_ARGUMENT', 'the line on stdin is too long'));
      }
    };
    const onEnd = () => finish(undefined);
    const onError = (e: Error) => finish(e);
    stdin.on('data', onData);
    stdin.once('end', onEnd);
    stdin.once('error', onError);
    stdin.resume();
  });
}

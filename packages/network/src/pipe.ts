/** Two sockets joined both ways, with half-closes passed on and an error on either side closing both. */
import type { Duplex } from 'node:stream';

/** Joins `a` and `b`: bytes both ways, half-closes passed on, an error or close on one destroys the other. */
export function join(a: Duplex, b: Duplex, onClose?: () => void): void {
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    a.destroy();
    b.destroy();
    onClose?.();
  };
  a.on('error', close);
  b.on('error', close);
  a.on('close', close);
  b.on('close', close);
  a.pipe(b);
  b.pipe(a);
}

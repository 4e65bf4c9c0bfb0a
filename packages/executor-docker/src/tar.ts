/**
 * A minimal ustar writer for the config files a task's container gets: regular files only, each
 * with its owner and mode, uploaded into the created container before it starts (the engine's
 * `PUT /containers/{id}/archive`). The files live in that container's own filesystem, so no other
 * task can read them and nothing is left on the node's disk outside the engine.
 */

/** One regular file of the archive. */
export interface TarFile {
  /** Absolute path in the container; becomes a relative entry name. */
  path: string;
  data: Uint8Array;
  uid: number;
  gid: number;
  mode: number;
  /** Modification time, Unix seconds. */
  mtime: number;
}

const BLOCK = 512;

function octal(value: number, width: number): string {
  return `${value.toString(8).padStart(width - 1, '0')}\0`;
}

function put(header: Buffer, offset: number, width: number, text: string): void {
  const bytes = Buffer.from(text, 'utf8');
  if (bytes.length > width)
    throw new RangeError(`tar field ${JSON.stringify(text)} is longer than ${width} bytes`);
  bytes.copy(header, offset);
}

/** Splits an entry name into ustar's prefix (155 bytes) and name (100 bytes) fields. */
function splitName(name: string): [prefix: string, rest: string] {
  if (Buffer.byteLength(name) <= 100) return ['', name];
  for (let i = name.indexOf('/'); i >= 0; i = name.indexOf('/', i + 1)) {
    const prefix = name.slice(0, i);
    const rest = name.slice(i + 1);
    if (Buffer.byteLength(prefix) <= 155 && Buffer.byteLength(rest) <= 100) return [prefix, rest];
  }
  throw new RangeError(`config path /${name} is too long for the archive (at most 255 bytes)`);
}

function header(file: TarFile): Buffer {
  const h = Buffer.alloc(BLOCK);
  const name = file.path.replace(/^\/+/, '');
  if (name === '') throw new RangeError('a config path must name a file');
  const [prefix, rest] = splitName(name);
  put(h, 0, 100, rest);
  put(h, 100, 8, octal(file.mode & 0o7777, 8));
  put(h, 108, 8, octal(file.uid, 8));
  put(h, 116, 8, octal(file.gid, 8));
  put(h, 124, 12, octal(file.data.byteLength, 12));
  put(h, 136, 12, octal(Math.max(0, Math.floor(file.mtime)), 12));
  h.fill(0x20, 148, 156); // the checksum is computed with its own field as spaces
  put(h, 156, 1, '0');
  put(h, 257, 6, 'ustar\0');
  put(h, 263, 2, '00');
  put(h, 345, 155, prefix);
  let sum = 0;
  for (const b of h) sum += b;
  put(h, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `);
  return h;
}

/** The archive of `files` (ustar, two zero blocks at the end). */
export function tarFiles(files: readonly TarFile[]): Buffer {
  const parts: Buffer[] = [];
  for (const f of files) {
    if (!Number.isInteger(f.uid) || f.uid < 0 || f.uid > 0o7777777)
      throw new RangeError(`uid ${f.uid} is out of range`);
    if (!Number.isInteger(f.gid) || f.gid < 0 || f.gid > 0o7777777)
      throw new RangeError(`gid ${f.gid} is out of range`);
    parts.push(header(f), Buffer.from(f.data));
    const pad = (BLOCK - (f.data.byteLength % BLOCK)) % BLOCK;
    if (pad > 0) parts.push(Buffer.alloc(pad));
  }
  parts.push(Buffer.alloc(2 * BLOCK));
  return Buffer.concat(parts);
}

// A child process for the crash tests: writes a fixed sequence of batches to a LevelStorage (or,
// with a fourth argument `wal`, a WalStorage) and prints "ack <write>" after each synced save
// resolves. With KILL_WRITE/KILL_STEP set it SIGKILLs itself at that step of that write, the way a
// power cut or OOM kill would stop it.
import type { RaftStorage } from '../../src/driver/raft-storage.js';
import { LevelStorage, type WriteStep } from '../../src/durable/level-storage.js';
import { WalStorage } from '../../src/durable/wal-storage.js';
import { crashWorkload } from './workload.js';

const [dir, killWrite, killStep, kind] = process.argv.slice(2);
const onWriteStep = (step: WriteStep, write: number) => {
  if (String(write) === killWrite && step === killStep) process.kill(process.pid, 'SIGKILL');
};
const storage: RaftStorage =
  kind === 'wal'
    ? await WalStorage.open({ path: dir!, segmentBytes: 4096, onWriteStep })
    : await LevelStorage.open({ path: dir!, onWriteStep });
for (const [i, update] of crashWorkload().entries()) {
  await storage.save(update, { sync: true });
  process.stdout.write(`ack ${i + 1}\n`);
}
await storage.close();
process.stdout.write('done\n');

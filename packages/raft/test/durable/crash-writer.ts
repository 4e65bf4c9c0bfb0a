// A child process for the crash tests: writes a fixed sequence of batches to a LevelStorage and
// prints "ack <write>" after each synced save resolves. With KILL_WRITE/KILL_STEP set it SIGKILLs
// itself at that step of that write, the way a power cut or OOM kill would stop it.
import { LevelStorage, type WriteStep } from '../../src/durable/level-storage.js';
import { crashWorkload } from './workload.js';

const [dir, killWrite, killStep] = process.argv.slice(2);
const storage = await LevelStorage.open({
  path: dir!,
  onWriteStep(step: WriteStep, write: number) {
    if (String(write) === killWrite && step === killStep) process.kill(process.pid, 'SIGKILL');
  },
});
for (const [i, update] of crashWorkload().entries()) {
  await storage.save(update, { sync: true });
  process.stdout.write(`ack ${i + 1}\n`);
}
await storage.close();
process.stdout.write('done\n');

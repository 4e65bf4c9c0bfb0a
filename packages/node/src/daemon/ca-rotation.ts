/**
 * `swarm ca --rotate`: begins a root rotation (or joins the one running) and waits up to
 * `timeoutMs` for it to finish. The rotation itself is `@swarm/ca`'s machine, driven from the
 * store by the leader (`Manager.rotation`); it goes on after a timeout and across leader changes.
 */
import type { Manager } from '../manager/manager.js';

export async function rotateRoot(
  m: Manager,
  timeoutMs: number,
): Promise<{ rootDigest: string; done: boolean; progress: string }> {
  const begun = await m.rotation.begin();
  const s = await m.rotation.wait(timeoutMs);
  return {
    rootDigest: begun.rootDigest,
    done: !s.running && s.rootDigest === begun.rootDigest,
    progress: s.progress,
  };
}

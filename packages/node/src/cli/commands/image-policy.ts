/**
 * `swarm image-policy show|update`: the node's own image policy (issue 24). Managers never see
 * more than its digest; replacing it is a local act, through the daemon's unix socket only.
 */
import { readFile } from 'node:fs/promises';
import { SwarmError } from '@swarm/api';
import type { ImagePolicyView } from '../../control/api.js';
import type { Command } from '../command.js';
import { FORMAT, printFormatted } from '../command.js';
import { readAll } from '../read.js';

/** The largest signed update the CLI reads (a policy with inlined keys is far smaller). */
export const MAX_SIGNED_POLICY_BYTES = 1024 * 1024;

const show: Command = {
  name: 'show',
  usage: '[OPTIONS]',
  short: "Display this node's image policy: its digest, the keys that may sign an update, and its rules",
  flags: [FORMAT],
  maxArgs: 0,
  async run(ctx) {
    const v: ImagePolicyView = await ctx.api().imagePolicyShow();
    if (printFormatted(ctx, [v], false)) return 0;
    const row = (k: string, val: string) => `${`${k}:`.padEnd(16)}${val}\n`;
    ctx.out(
      row('Path', v.path) +
        row('Digest', v.digest) +
        row('In force since', new Date(v.sinceMs).toISOString()) +
        `Update keys:\n${v.updateKeys.length === 0 ? ' (none: the policy can only be replaced locally)\n' : v.updateKeys.map((k) => ` ${k}\n`).join('')}` +
        `Rules:\n${v.text.endsWith('\n') ? v.text : `${v.text}\n`}`,
    );
    return 0;
  },
};

const update: Command = {
  name: 'update',
  usage: 'SIGNED-POLICY|-',
  short:
    'Replace the image policy with a signed update (`gpg --sign NEW.json`, by a key the current policy trusts); local socket only',
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const source = ctx.args[0] as string;
    let data: Buffer;
    if (source === '-') {
      data = await readAll(ctx.io.stdin, MAX_SIGNED_POLICY_BYTES);
    } else {
      try {
        data = await readFile(source);
      } catch (e) {
        throw new SwarmError(
          'INVALID_ARGUMENT',
          `cannot read the signed policy ${source}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
          { file: source },
        );
      }
    }
    if (data.length === 0 || data.length > MAX_SIGNED_POLICY_BYTES)
      throw new SwarmError(
        'INVALID_ARGUMENT',
        `the signed policy must be 1 byte to 1 MiB, ${source === '-' ? 'stdin' : source} has ${data.length} bytes`,
        { size: data.length },
      );
    const r = await ctx.api().imagePolicyUpdate({ signedBase64: data.toString('base64') });
    ctx.out(
      `Image policy ${r.path} updated: ${r.previousDigest} -> ${r.digest} (signed by ${r.signer} at ${new Date(r.signedAtMs).toISOString()})\n`,
    );
    return 0;
  },
};

export const imagePolicyCommand: Command = {
  name: 'image-policy',
  short: "Manage this node's image policy (the images its tasks may run)",
  commands: [show, update],
};

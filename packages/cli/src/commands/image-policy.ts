/**
 * `swarm image-policy show|update`: the node's own image policy (issue 24). Managers never see
 * more than its digest; replacing it is a local act, through the daemon's unix socket only.
 */
import { readFile } from 'node:fs/promises';
import { SwarmError } from '@swarm/api';
import type { ImagePolicyView } from '@swarm/node/control';
import type { Command, Context } from '../command.js';
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

/** Reads a file (or stdin for `-`) of 1 byte to 1 MiB. */
async function readInput(ctx: Context, source: string, what: string): Promise<Buffer> {
  let data: Buffer;
  if (source === '-') {
    data = await readAll(ctx.io.stdin, MAX_SIGNED_POLICY_BYTES);
  } else {
    try {
      data = await readFile(source);
    } catch (e) {
      throw new SwarmError(
        'INVALID_ARGUMENT',
        `cannot read the ${what} ${source}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`,
        { file: source },
      );
    }
  }
  if (data.length === 0 || data.length > MAX_SIGNED_POLICY_BYTES)
    throw new SwarmError(
      'INVALID_ARGUMENT',
      `the ${what} must be 1 byte to 1 MiB, ${source === '-' ? 'stdin' : source} has ${data.length} bytes`,
      { size: data.length },
    );
  return data;
}

const update: Command = {
  name: 'update',
  usage: '[--signature SIG] SIGNED-POLICY|NEW-POLICY|-',
  short:
    'Replace the image policy with an update signed by a key the current policy trusts (`gpg --sign NEW.json`, or NEW.json with `--signature` from `gpg --detach-sign`); local socket only',
  flags: [
    {
      name: 'signature',
      kind: 'string',
      value: 'file',
      help: 'A detached OpenPGP signature over the new policy file (gpg --detach-sign); without it the file is a signed message (gpg --sign)',
    },
  ],
  minArgs: 1,
  maxArgs: 1,
  async run(ctx) {
    const source = ctx.args[0] as string;
    const sigFile = ctx.flags.str('signature');
    const data = await readInput(ctx, source, sigFile === undefined ? 'signed policy' : 'new policy');
    const r =
      sigFile === undefined
        ? await ctx.api().imagePolicyUpdate({ signedBase64: data.toString('base64') })
        : await ctx.api().imagePolicyUpdate({
            policyBase64: data.toString('base64'),
            signatureBase64: (await readInput(ctx, sigFile, 'signature')).toString('base64'),
          });
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

#!/usr/bin/env node
// Makes a checkout ready to run: installs the workspace with the pinned pnpm (fetched through npx,
// since a fresh machine has only Node and npm) and builds every package. Safe to run repeatedly:
// an up-to-date install and an up-to-date build take a few seconds.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PNPM_VERSION = '10.34.9';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');

export function pnpm(args, options = {}) {
  const res = spawnSync('npx', ['-y', `pnpm@${PNPM_VERSION}`, ...args], {
    cwd: root,
    stdio: 'inherit',
    ...options,
  });
  if (res.error) throw res.error;
  return res.status ?? 1;
}

function step(what, args) {
  const status = pnpm(args);
  if (status !== 0) {
    console.error(
      `bootstrap: ${what} failed (exit ${status}); run \`npx -y pnpm@${PNPM_VERSION} ${args.join(' ')}\` to see why`,
    );
    process.exit(status);
  }
}

/** Debian packages the project runs: the command each provides, and why. */
const DEBIAN = {
  bubblewrap: { command: 'bwrap', why: 'the task sandbox of the node' },
  chromium: { command: 'chromium', why: "the browser the visualizer's test drives" },
  gnupg: { command: 'gpg', why: 'keys and signatures in the image-trust tests' },
  skopeo: { command: 'skopeo', why: 'pushes and signs images in the image-trust tests' },
  umoci: { command: 'umoci', why: 'builds test images without dockerd' },
  'docker-registry': { command: 'docker-registry', why: 'the registry of the image-trust tests' },
  'busybox-static': { command: 'busybox', why: 'the root filesystem of test images' },
  // Only the client is used: the tests never start this package's dockerd (and where the machine
  // runs an init system, Debian's policy-rc.d decides whether installing it starts one).
  'docker.io': { command: '/usr/bin/docker', why: 'the docker CLI (20.10) the Docker API tests drive' },
};

/**
 * Installs missing Debian packages with apt-get when running as root (as CI does); otherwise says
 * how, and the tests or the demo that need them fail with that message.
 */
function ensureDebian(packages) {
  const missing = packages.filter(
    (p) => spawnSync('sh', ['-c', `command -v ${DEBIAN[p].command}`], { stdio: 'ignore' }).status !== 0,
  );
  if (missing.length === 0) return;
  const root = process.getuid?.() === 0;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (root && apt) {
    console.log(
      `bootstrap: installing ${missing.join(', ')} with apt-get (${missing.map((p) => DEBIAN[p].why).join('; ')})`,
    );
    const res = spawnSync(
      'sh',
      [
        '-c',
        `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')} >/dev/null`,
      ],
      { stdio: 'inherit' },
    );
    if (res.status === 0) return;
  }
  console.error(
    `bootstrap: missing ${missing.join(', ')}; install with \`sudo apt-get install ${missing.join(' ')}\``,
  );
}

/** `debian`: the Debian packages this run needs (the demo: bubblewrap; the tests: chromium too). */
export function bootstrap({ debian = ['bubblewrap'] } = {}) {
  if (Number(process.versions.node.split('.')[0]) < 20) {
    console.error(`bootstrap: Node.js 20 or newer is required, this is ${process.version}`);
    process.exit(1);
  }
  ensureDebian(debian);
  const frozen = process.env.CI || !existsSync(join(root, 'node_modules', '.modules.yaml'));
  step('install', ['install', ...(frozen ? ['--frozen-lockfile'] : []), '--reporter=append-only']);
  step('build', ['-r', '--reporter=append-only', 'build']);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) bootstrap();

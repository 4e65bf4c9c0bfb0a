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

/** Debian packages the project runs: a shell check that it is there, and why. */
const DEBIAN = {
  bubblewrap: { check: 'command -v bwrap', why: 'the task sandbox of the node' },
  slirp4netns: { check: 'command -v slirp4netns', why: "the sandbox's per-task network" },
  chromium: { check: 'command -v chromium', why: "the browser the visualizer's test drives" },
  'docker.io': { check: 'command -v dockerd', why: 'the Docker Engine that runs tasks as containers' },
  'docker-registry': { check: 'command -v docker-registry', why: 'the local image registry nodes pull from' },
  'busybox-static': {
    check: 'ldd "$(command -v busybox)" 2>&1 | grep -q "not a dynamic"',
    why: 'a static busybox to build images from without downloads',
  },
  iproute2: { check: 'command -v ip', why: 'network namespaces of the container tests' },
  gnupg: { check: 'command -v gpg', why: 'keys and signatures in the image-trust tests' },
  skopeo: { check: 'command -v skopeo', why: 'pushes and signs images in the image-trust tests' },
  umoci: { check: 'command -v umoci', why: 'builds test images without dockerd' },
  'etcd-server': {
    check: 'command -v etcd',
    why: "the etcd that @swarm/classic's etcd:// discovery tests start",
  },
};

/** What the container tests, the demo's container mode and `pnpm bench containers` need. */
export const CONTAINER_PACKAGES = ['docker.io', 'docker-registry', 'busybox-static', 'iproute2'];

/**
 * Installs missing Debian packages with apt-get when running as root (as CI does); otherwise says
 * how, and the tests or the demo that need them fail with that message.
 */
function ensureDebian(packages, optional = []) {
  const absent = (p) => spawnSync('sh', ['-c', DEBIAN[p].check], { stdio: 'ignore' }).status !== 0;
  const root = process.getuid?.() === 0;
  // Optional packages are installed only where that is possible (root with apt-get); without
  // them the demo falls back to the sandbox and says why.
  const missing = [...packages, ...(root ? optional : [])].filter(absent);
  if (missing.length === 0) return;
  const apt = spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
  if (root && apt) {
    console.log(
      `bootstrap: installing ${missing.join(', ')} with apt-get (${missing.map((p) => DEBIAN[p].why).join('; ')})`,
    );
    // policy-rc.d exit 101 keeps the packages' system services (dockerd, the registry) from
    // starting: the tests, the demo and the benchmark start private ones.
    const res = spawnSync(
      'sh',
      [
        '-c',
        'p=""; if [ ! -e /usr/sbin/policy-rc.d ]; then printf "#!/bin/sh\\nexit 101\\n" >/usr/sbin/policy-rc.d && chmod 755 /usr/sbin/policy-rc.d && p=1; fi; ' +
          `apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq ${missing.join(' ')} >/dev/null; s=$?; ` +
          'if [ -n "$p" ]; then rm -f /usr/sbin/policy-rc.d; fi; exit $s',
      ],
      { stdio: 'inherit' },
    );
    if (res.status === 0) return;
  }
  console.error(
    `bootstrap: missing ${missing.join(', ')}; install with \`sudo apt-get install ${missing.join(' ')}\``,
  );
}

/**
 * `debian`: the Debian packages this run needs (the demo: the sandbox; the tests: chromium and
 * the container packages too); `optional`: packages installed when root (the demo's containers).
 */
export function bootstrap({ debian = ['bubblewrap', 'slirp4netns'], optional = CONTAINER_PACKAGES } = {}) {
  if (Number(process.versions.node.split('.')[0]) < 20) {
    console.error(`bootstrap: Node.js 20 or newer is required, this is ${process.version}`);
    process.exit(1);
  }
  ensureDebian(debian, optional);
  const frozen = process.env.CI || !existsSync(join(root, 'node_modules', '.modules.yaml'));
  step('install', ['install', ...(frozen ? ['--frozen-lockfile'] : []), '--reporter=append-only']);
  step('build', ['-r', '--reporter=append-only', 'build']);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) bootstrap();

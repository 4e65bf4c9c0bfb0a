#!/usr/bin/env bash
# Runs the same docker CLI commands against a swarm node's Docker API and against a real Docker
# swarm (Debian's dockerd 20.10), and prints both outputs side by side for review. Everything runs
# inside a private network and mount namespace: both daemons, their bridges and their sockets
# disappear with it. Needs root, docker.io, busybox-static and a built workspace (pnpm build).
#
#   sudo packages/docker-api/scripts/compare-with-docker.sh > compare.txt
set -euo pipefail
if [ "${1:-}" != "--inside" ]; then
  exec unshare --net --mount --propagation private "$0" --inside
fi
here="$(cd "$(dirname "$0")/../../.." && pwd)"
work="$(mktemp -d /tmp/sw18-compare-XXXXXX)"
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
ip link set lo up
mount -t tmpfs tmpfs /run # the real dockerd gets its own /run (containerd, netns)

# The real Docker: private data, exec and pid paths, its own socket.
dockerd --data-root "$work/d/root" --exec-root "$work/d/exec" --pidfile "$work/d/pid" \
  --host "unix://$work/d/docker.sock" --storage-driver overlay2 >"$work/dockerd.log" 2>&1 &
pids+=($!)
# The swarm node.
node "$here/packages/cli/bin/swarm.js" daemon --data-dir "$work/s" --hostname vm --raft-tick 50ms \
  --heartbeat-period 1s --docker-api "unix://$work/s.sock" >"$work/swarm.log" 2>&1 &
pids+=($!)
for _ in $(seq 100); do [ -S "$work/d/docker.sock" ] && [ -S "$work/s.sock" ] && break; sleep 0.2; done

export DOCKER_CONFIG="$work/cli"
real="docker -H unix://$work/d/docker.sock"
ours="docker -H unix://$work/s.sock"
mkdir -p "$work/rootfs/bin" && cp /bin/busybox "$work/rootfs/bin/" && ln -s busybox "$work/rootfs/bin/sh" && ln -s busybox "$work/rootfs/bin/sleep"
tar -C "$work/rootfs" -c . | $real import - busybox:local >/dev/null
$real swarm init --listen-addr 127.0.3.51:2377 --advertise-addr 127.0.3.51 >/dev/null
$ours swarm init --listen-addr 127.0.3.52:2377 >/dev/null
sleep 2
for d in "$real" "$ours"; do
  printf s3cret | $d secret create cmp_pass - >/dev/null
  $d service create -d -q --name cmp --replicas 2 -p 8090:80 --secret cmp_pass --env A=B --limit-memory 64M \
    --constraint node.role==manager busybox:local sh -c 'echo hi; sleep 1000' >/dev/null 2>&1
done
sleep 5
while read -r cmd; do
  echo "=================== docker $cmd"
  echo "--- swarm node"; $ours $cmd 2>&1 || true
  echo "--- docker";     $real $cmd 2>&1 || true
done <<'COMMANDS'
node ls
service ls
service ps cmp
service inspect --pretty cmp
node inspect --pretty self
secret ls
secret inspect --pretty cmp_pass
service logs cmp
network ls
swarm unlock-key
stack ls
service inspect nosuch
secret rm cmp_pass
node rm vm
node demote vm
service create --name cmp busybox:local sleep 1
COMMANDS

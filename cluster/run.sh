#!/usr/bin/env bash
# A three-node Restate cluster on this machine (cluster/node{1,2,3}.toml: loopback ports, log and
# partitions replicated on 2 of 3 nodes), and a demo of SkAgentSession scaled out against it.
#
#   cluster/run.sh [driver options]   demo: fresh cluster; two instances of the service, the first
#                                     connected to node 1, the second to node 2; 50 conversations
#                                     through both; node 3 killed (SIGKILL) in the middle; then the
#                                     fault-injection audit of every conversation. Exits non-zero
#                                     if anything was lost, duplicated or recomputed.
#   cluster/run.sh up                 start (or resume) the cluster and keep it running until Ctrl+C
#   cluster/run.sh clean              delete the cluster's data (.restate/cluster)
#
# Node N listens on 127.0.0.1: 520N (node-to-node), 820N (ingress), 920N (admin API and UI).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"

server=node_modules/@restatedev/restate-server-linux-x64/bin/restate-server
restatectl=cluster/node_modules/@restatedev/restatectl-linux-x64/bin/restatectl
data=.restate/cluster
nodes=(1 2 3)
declare -A pids=()

install_tools() {
  [ -x "$server" ] || npm ci --no-audit --no-fund
  [ -x "$restatectl" ] || (cd cluster && npm ci --no-audit --no-fund)
}

start_node() {
  local n=$1
  mkdir -p "$data/logs"
  # A developer's shell may carry RESTATE_* settings; they must not change the nodes.
  env $(env | grep -o '^RESTATE_[A-Z0-9_]*' | sed 's/^/-u /') \
    RESTATE_LOG_FORMAT=compact RESTATE_LOG_DISABLE_ANSI_CODES=true \
    "$server" --no-logo --config-file "cluster/node$n.toml" >>"$data/logs/node-$n.log" 2>&1 &
  pids[$n]=$!
  echo "node-$n: pid ${pids[$n]}, ingress http://127.0.0.1:820$n, admin http://127.0.0.1:920$n, log $data/logs/node-$n.log"
}

stop_nodes() {
  local n
  for n in "${!pids[@]}"; do
    kill -TERM "${pids[$n]}" 2>/dev/null || true
  done
  for n in "${!pids[@]}"; do
    wait "${pids[$n]}" 2>/dev/null || true
  done
}

wait_until() {
  local what=$1 seconds=$2
  shift 2
  for _ in $(seq 1 $((seconds * 4))); do
    if "$@" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.25
  done
  echo "Timed out after ${seconds}s waiting for $what; see $data/logs/." >&2
  return 1
}

# Before provisioning only the node-to-node port answers; the admin API and ingress wait for the cluster.
node_listening() { (exec 3<>"/dev/tcp/127.0.0.1/520$1"); }

# Partitions are up once a query over the invocation table (which touches every partition) answers.
partitions_ready() {
  curl -fsS -X POST "http://127.0.0.1:920$1/query" -H 'content-type: application/json' -H 'accept: application/json' \
    -d '{"query": "SELECT count(*) AS n FROM sys_invocation_status"}'
}

# Every partition has a follower besides its leader (replication 2), so losing one node loses no partition.
partitions_replicated() {
  "$restatectl" --address http://127.0.0.1:5201/ partitions list 2>/dev/null |
    awk '$3 == "Follower" { followed[$1] = 1 } END { n = 0; for (p in followed) n++; exit !(n == 8) }'
}

provision() {
  local output
  if output=$("$restatectl" --address http://127.0.0.1:5201/ provision --yes \
      --replication 2 --num-partitions 8 --log-provider replicated 2>&1); then
    echo "Cluster provisioned (log and partitions replicated on 2 nodes, 8 partitions)."
  elif grep -qi "already provisioned" <<<"$output"; then
    echo "Cluster already provisioned."
  else
    echo "$output" >&2
    return 1
  fi
}

start_cluster() {
  install_tools
  trap stop_nodes EXIT
  for n in "${nodes[@]}"; do start_node "$n"; done
  for n in "${nodes[@]}"; do wait_until "node-$n's node-to-node port" 60 node_listening "$n"; done
  wait_until "provisioning" 60 provision
  for n in "${nodes[@]}"; do wait_until "node-$n's partitions" 120 partitions_ready "$n"; done
  wait_until "a follower for every partition" 120 partitions_replicated
  "$restatectl" --address http://127.0.0.1:5201/ status
}

case "${1:-demo}" in
  clean)
    rm -rf "$data"
    echo "Deleted $data."
    ;;
  up)
    start_cluster
    echo
    echo "The cluster is running. Point service instances at it, e.g.:"
    echo "  RESTATE_INGRESS_URL=http://127.0.0.1:8201 RESTATE_ADMIN_URL=http://127.0.0.1:9201 dotnet run --project src/SkAgentSession"
    echo "Press Ctrl+C to stop it."
    wait
    ;;
  *)
    rm -rf "$data"
    start_cluster
    build_output=$(dotnet build tests/FaultInjection --configuration Release -nologo 2>&1) || { echo "$build_output" >&2; exit 1; }
    mkdir -p bench/results
    echo
    status=0
    disown "${pids[3]}"  # the driver kills it; no job notice for that
    dotnet tests/FaultInjection/bin/Release/net10.0/FaultInjection.dll \
      --replicas 2 \
      --ingress http://127.0.0.1:8201,http://127.0.0.1:8202 \
      --admin http://127.0.0.1:9201,http://127.0.0.1:9202 \
      --kill-node-pid "${pids[3]}" \
      --max-service-kills 0 \
      --sessions 50 --turns 4 --restate-fault-at 0.3 \
      --json bench/results/cluster.json \
      "$@" || status=$?
    unset 'pids[3]'
    echo
    echo "Cluster after the run (node-3 was killed):"
    "$restatectl" --address http://127.0.0.1:5201/ status || true
    exit "$status"
    ;;
esac

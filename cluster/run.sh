#!/usr/bin/env bash
# A three-node Restate cluster on this machine (cluster/node{1,2,3}.toml: loopback ports, log and
# partitions replicated on 2 of 3 nodes), and a demo of SkAgentSession scaled out against it behind
# the load balancer in cluster/LoadBalancer (YARP; every request balanced on its own).
#
#   cluster/run.sh [driver options]   demo: fresh cluster; three replicas of the service behind the
#                                     balancer, whose URL is the one deployment (request identity on:
#                                     each node signs with its own key); 50 conversations through the
#                                     balancer's API port; node 3 killed (SIGKILL) at 30% of the
#                                     messages, one replica killed for good at 60%; then the
#                                     fault-injection audit of every conversation and of how the turns
#                                     were spread. Exits non-zero if anything was lost, duplicated or
#                                     recomputed, or a replica got less than half an even share.
#   cluster/run.sh throughput [opts]  fresh cluster, no faults: turns/s and CPU per turn with 1 replica
#                                     straight (no balancer), then 1, 2 and 3 replicas behind the balancer
#   cluster/run.sh compare [opts]     the same for the balancer against HAProxy (installs Debian's haproxy)
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
identity="$data/identity"
nodes=(1 2 3)
declare -A pids=()

install_tools() {
  [ -x "$server" ] || npm ci --no-audit --no-fund
  [ -x "$restatectl" ] || (cd cluster && npm ci --no-audit --no-fund)
}

# Base58 (Bitcoin alphabet) of a hex string, as request identity's publickeyv1_ key ids use it.
base58() {
  local hex=$1 alphabet=123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz
  local -a digits=()
  local out="" i j carry
  for ((i = 0; i < ${#hex}; i += 2)); do
    carry=$((16#${hex:i:2}))
    for ((j = 0; j < ${#digits[@]}; j++)); do
      carry=$((carry + digits[j] * 256))
      digits[j]=$((carry % 58))
      carry=$((carry / 58))
    done
    while ((carry > 0)); do
      digits+=($((carry % 58)))
      carry=$((carry / 58))
    done
  done
  for ((i = 0; i < ${#hex}; i += 2)); do
    [ "${hex:i:2}" = 00 ] || break
    out+=1
  done
  for ((j = ${#digits[@]} - 1; j >= 0; j--)); do out+=${alphabet:digits[j]:1}; done
  echo "$out"
}

# Each node signs its requests to the service with its own Ed25519 key (node{N}.toml names the file).
make_identity_keys() {
  local n
  mkdir -p "$identity"
  for n in "${nodes[@]}"; do
    [ -f "$identity/node-$n.pem" ] || openssl genpkey -algorithm ed25519 -out "$identity/node-$n.pem"
  done
}

# The nodes' public keys as the service takes them (RESTATE_IDENTITY_KEYS): publickeyv1_ + base58 of
# the raw 32-byte key, which is the end of its DER form.
identity_public_keys() {
  local n keys=()
  for n in "${nodes[@]}"; do
    keys+=("publickeyv1_$(base58 "$(openssl pkey -in "$identity/node-$n.pem" -pubout -outform DER | tail -c 32 | od -An -v -tx1 | tr -d ' \n')")")
  done
  (IFS=,; echo "${keys[*]}")
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
  make_identity_keys
  trap stop_nodes EXIT
  for n in "${nodes[@]}"; do start_node "$n"; done
  for n in "${nodes[@]}"; do wait_until "node-$n's node-to-node port" 60 node_listening "$n"; done
  wait_until "provisioning" 60 provision
  for n in "${nodes[@]}"; do wait_until "node-$n's partitions" 120 partitions_ready "$n"; done
  wait_until "a follower for every partition" 120 partitions_replicated
  "$restatectl" --address http://127.0.0.1:5201/ status
}

# HAProxy (Debian's package) only for `run.sh compare`; the demo and the tests use cluster/LoadBalancer.
install_haproxy() {
  command -v haproxy >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing HAProxy for the comparison (apt-get)..."
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
  else
    echo "HAProxy is missing: install Debian's 'haproxy' package to compare it." >&2
    exit 1
  fi
}

# One driver run per entry of runs ("REPLICAS direct|balanced|haproxy"), no faults, against the
# running cluster; then a line per run: turns/s and the CPU each part spent per turn.
measure_throughput() {
  local i replicas how json balancer summary=() keys
  keys=$(identity_public_keys)
  for i in "${!runs[@]}"; do
    read -r replicas how <<<"${runs[$i]}"
    case "$how" in balanced) balancer=--balancer ;; haproxy) balancer=--haproxy ;; *) balancer= ;; esac
    json="bench/results/cluster-$mode-$((i + 1)).json"
    echo
    echo "=== run $((i + 1)): $replicas replica(s), $how ==="
    dotnet tests/FaultInjection/bin/Release/net10.0/FaultInjection.dll \
      --replicas "$replicas" $balancer \
      --ingress http://127.0.0.1:8201,http://127.0.0.1:8202,http://127.0.0.1:8203 \
      --admin http://127.0.0.1:9201,http://127.0.0.1:9202,http://127.0.0.1:9203 \
      --identity-keys "$keys" --restate-pids "${pids[1]},${pids[2]},${pids[3]}" \
      --no-service-kills --durability turn --slow-fraction 0 \
      --sessions 100 --turns 4 \
      --json "$json" \
      "$@"
    summary+=("$(jq -r '.turn as $r | ($r.cpuSeconds | map_values(1000 * . / $r.acknowledged | floor)) as $ms |
        [$r.messagesPerSecond, $ms["service replicas"], $ms["load balancer"], $ms["Restate"]] | @tsv' "$json" |
      { IFS=$'\t' read -r rate service balancer restate
        printf '  %s replica(s), %-9s %6.2f turns/s; CPU per turn: service %s ms, balancer %s ms, Restate %s ms' \
          "$replicas" "$how" "$rate" "$service" "$balancer" "$restate"; })")
  done
  echo
  echo "Throughput against the same cluster (turn mode, 100 conversations x 4 messages, no faults), in run order:"
  printf '%s\n' "${summary[@]}"
  echo "Load average now: $(cut -d' ' -f1-3 /proc/loadavg) (on $(nproc) cores)"
}

build_driver() {
  local output
  output=$(dotnet build tests/FaultInjection --configuration Release -nologo 2>&1) || { echo "$output" >&2; exit 1; }
}

case "${1:-demo}" in
  clean)
    rm -rf "$data"
    echo "Deleted $data."
    ;;
  up)
    start_cluster
    echo
    echo "The cluster is running; its nodes sign their requests. Point service instances at it, e.g.:"
    echo "  RESTATE_IDENTITY_KEYS=$(identity_public_keys) \\"
    echo "  RESTATE_INGRESS_URL=http://127.0.0.1:8201 RESTATE_ADMIN_URL=http://127.0.0.1:9201 dotnet run --project src/SkAgentSession"
    echo "Press Ctrl+C to stop it."
    wait
    ;;
  throughput | compare)
    mode=$1
    shift
    if [ "$mode" = compare ]; then
      install_haproxy
      runs=("1 direct" "1 balanced" "1 haproxy" "3 balanced" "3 haproxy")
    else
      # The same cluster serves every run, so its data grows from run to run: the last run repeats the
      # second to show how much that (and the machine's other load) moved the figures.
      runs=("1 direct" "1 balanced" "2 balanced" "3 balanced" "1 balanced")
    fi
    rm -rf "$data"
    start_cluster
    build_driver
    mkdir -p bench/results
    measure_throughput "$@"
    ;;
  *)
    rm -rf "$data"
    start_cluster
    build_driver
    mkdir -p bench/results
    echo
    status=0
    disown "${pids[3]}"  # the driver kills it; no job notice for that
    dotnet tests/FaultInjection/bin/Release/net10.0/FaultInjection.dll \
      --replicas 3 --balancer \
      --ingress http://127.0.0.1:8201,http://127.0.0.1:8202 \
      --admin http://127.0.0.1:9201,http://127.0.0.1:9202 \
      --identity-keys "$(identity_public_keys)" --restate-pids "${pids[1]},${pids[2]},${pids[3]}" \
      --kill-node-pid "${pids[3]}" --restate-fault-at 0.3 \
      --kill-replica-at 0.6 \
      --max-service-kills 0 \
      --sessions 50 --turns 4 \
      --json bench/results/cluster.json \
      "$@" || status=$?
    unset 'pids[3]'
    echo
    echo "Cluster after the run (node-3 was killed):"
    "$restatectl" --address http://127.0.0.1:5201/ status || true
    exit "$status"
    ;;
esac

#!/usr/bin/env bash
# Load-mode benchmarks for callhooks (see README.md). Usage:
#   bench/run.sh throughput [DELIVERIES] [CONCURRENCY] [ROUNDS]   harness vs bare HttpClient loop vs hey, same body and
#                                                        concurrency, interleaved rounds, medians and ratios
#   bench/run.sh pipeline [CALLS] [ROUNDS]               the harness's CPU and allocation per delivery, network excluded
#   bench/run.sh accuracy [CALLS]                        p50 against a listener that waits exactly 50 ms
#   bench/run.sh memory [DELIVERIES]                     peak RSS of a run of that many deliveries (default 1,000,000)
#   bench/run.sh reference [CALLS] [RATE]                fixed-rate run against the reference listener (callhooks serve)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d /tmp/callhooks-bench.XXXXXX)"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# callhooks as ./run.sh runs it: compiled ahead of time (ReadyToRun) where the SDK can, else the plain build. The helper
# is built the same way, so the bare loop and the harness start from the same kind of code.
build() {
  local project
  for project in src/CallHooks.Conformance.Cli:cli bench/LoadBench:bench; do
    if ! dotnet publish -c Release --use-current-runtime --self-contained false -p:PublishReadyToRun=true "$root/${project%%:*}" \
      -o "$work/${project##*:}" >"$work/publish.log" 2>&1; then
      dotnet build -c Release "$root/${project%%:*}" -o "$work/${project##*:}" >/dev/null
      echo "bench: no ReadyToRun build of ${project%%:*}, measuring the plain build; the publish said:" >&2
      tail -5 "$work/publish.log" >&2
    fi
  done
}

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

# Starts the trivial listener (optionally delaying every answer) and sets $url.
listen() {
  local delay="${1:-0}"
  "$work/bench/LoadBench" listen --port 0 --delay-ms "$delay" >"$work/listener.out" 2>&1 &
  listener=$!
  pids+=($!)
  for _ in $(seq 100); do [ -s "$work/listener.out" ] && break; sleep 0.1; done
  url="$(head -1 "$work/listener.out")/"
}

# The share of the machine's time its hypervisor gave to other guests while a contender ran ("steal" in /proc/stat): a
# round with steal well above the others' is a slow stretch of the VM, not a slower program.
steal_mark() { awk '/^cpu / {print $9, $2+$3+$4+$5+$6+$7+$8+$9}' /proc/stat; }
steal_since() { local s0 t0 s1 t1; read -r s0 t0 <<<"$1"; read -r s1 t1 <<<"$(steal_mark)"; awk -v s="$((s1 - s0))" -v t="$((t1 - t0))" 'BEGIN { printf "steal %.1f%%", (t > 0 ? 100 * s / t : 0) }'; }

json() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))" "$@"; }

# The bare loop runs with callhooks' own runtime settings (workstation GC, no dynamic PGO, tier-up at 1,000 calls; see
# src/CallHooks.Conformance.Cli/*.csproj; socket completions inline, as in load runs: see InlineSocketCompletions.cs),
# so the comparison is between the two programs, not two runtime setups.
bare_env=(env DOTNET_gcServer=0 DOTNET_TieredPGO=0 DOTNET_TC_CallCountingDelayMs=0 DOTNET_TC_CallCountThreshold=1000 DOTNET_SYSTEM_NET_SOCKETS_INLINE_COMPLETIONS=1)

# Runs a contender (its output to $1) and notes what it cost: its own CPU time, the listener's CPU time over the same
# minutes, and the steal. CPU time is what a program spends whatever the hypervisor does meanwhile, so CPU per request
# compares the contenders even when the VM's speed moved between their runs.
# A contender that fails stops the benchmark with the end of its output: its figures would be the last round's.
measured() {
  local out="$1" steal0 listener0 status=0
  shift
  steal0=$(steal_mark)
  listener0=$(listener_cpu)
  /usr/bin/time -f "%U %S" -o "$work/time" "$@" >"$out" 2>&1 || status=$?
  if [ "$status" -ne 0 ]; then
    echo "bench: '$1' failed (exit $status):" >&2
    tail -20 "$out" >&2
    exit 1
  fi
  client_cpu=$(tail -1 "$work/time" | awk '{print $1 + $2}')
  listener_used=$(awk -v a="$listener0" -v b="$(listener_cpu)" -v hz="$(getconf CLK_TCK)" 'BEGIN { print (b - a) / hz }')
  steal=$(steal_since "$steal0")
}
listener_cpu() { awk '{print $14 + $15}' "/proc/$listener/stat"; }
# Per request, after taking off the client's fixed cost ($2: starting, loading, writing reports), measured once per
# contender by a run of a few requests, so that short and long rounds compare.
cost() { awk -v c="$client_cpu" -v f="$2" -v l="$listener_used" -v n="$1" 'BEGIN { printf "%.1f us of its own CPU + %.1f us of the listener'"'"'s per request", 1e6 * (c - f) / n, 1e6 * l / n }'; }
per_request() { awk -v c="$client_cpu" -v f="$2" -v l="$listener_used" -v n="$1" 'BEGIN { print 1e6 * (c - f + l) / n }'; }

throughput() {
  # A million deliveries a round by default: about 25 s of the harness at full speed, the steady state a load run
  # spends its minutes in. In a 200,000-delivery round (5 s) the first tier of the JIT and the start weigh several
  # times more on the harness, which has several times the code of the bare loop to warm up.
  local deliveries="${1:-1000000}" concurrency="${2:-50}" rounds="${3:-3}"
  listen 0
  # Every scenario of the suite, no pauses: the harness at its fastest. obd-no-answer has 2 events a call; the
  # suite averages 22/7, so calls = deliveries * 7 / 22.
  local calls=$(( deliveries * 7 / 22 ))
  local harness=() bare=() heyrate=() harness_cpu=() bare_cpu=() hey_cpu=()
  # Fixed costs: each contender once with a handful of requests (one call of each scenario for the harness).
  measured "$work/fixed.log" "$work/cli/callhooks" run --target "$url" --calls 7 --rate 1000000 --concurrency "$concurrency" --pace 0 --seed 42 --out "$work/fixed"
  local harness_fixed=$client_cpu
  json "$work/fixed/results.json" "d['scenarios'][0]['deliveries'][0]['request']['body']" | tr -d '\n' >"$work/body"
  local type=$(json "$work/fixed/results.json" "d['scenarios'][0]['deliveries'][0]['request']['contentType']")
  measured "$work/fixed.log" "${bare_env[@]}" "$work/bench/LoadBench" bare --url "$url" --body-file "$work/body" --content-type "$type" --concurrency "$concurrency" --count 22
  local bare_fixed=$client_cpu
  measured "$work/fixed.log" hey -n "$concurrency" -c "$concurrency" -m POST -T "$type" -D "$work/body" "$url"
  local hey_fixed=$client_cpu
  echo "fixed CPU cost of a run: callhooks ${harness_fixed} s, bare loop ${bare_fixed} s, hey ${hey_fixed} s (taken off the per-request figures)"
  for round in $(seq "$rounds"); do
    echo "== round $round of $rounds: ~$deliveries deliveries, concurrency $concurrency"
    measured "$work/harness.log" "$work/cli/callhooks" run --target "$url" --calls "$calls" --rate 1000000 --concurrency "$concurrency" --pace 0 \
      --seed 42 --threshold "errors<=0" --out "$work/harness"
    harness+=("$(json "$work/harness/results.json" "d['summary']['deliveriesPerSecond']")")
    local sent=$(json "$work/harness/results.json" "d['summary']['deliveries']")
    harness_cpu+=("$(per_request "$sent" "$harness_fixed")")
    # The same body for the other two: the first kept delivery's request.
    json "$work/harness/results.json" "d['scenarios'][0]['deliveries'][0]['request']['body']" | tr -d '\n' >"$work/body"
    local type=$(json "$work/harness/results.json" "d['scenarios'][0]['deliveries'][0]['request']['contentType']")
    echo "   harness (callhooks run): $sent deliveries, ${harness[-1]} deliveries/s; $(cost "$sent" "$harness_fixed") ($steal)"

    measured "$work/bare.out" "${bare_env[@]}" "$work/bench/LoadBench" bare --url "$url" --body-file "$work/body" --content-type "$type" --concurrency "$concurrency" --count "$sent"
    bare+=("$(sed -E 's/.* ([0-9.]+) requests\/s/\1/' "$work/bare.out")")
    bare_cpu+=("$(per_request "$sent" "$bare_fixed")")
    echo "   bare HttpClient loop:    $sent requests, ${bare[-1]} requests/s; $(cost "$sent" "$bare_fixed") ($steal)"

    measured "$work/hey.out" hey -n "$sent" -c "$concurrency" -m POST -T "$type" -D "$work/body" "$url"
    heyrate+=("$(awk '/Requests\/sec/ {print $2}' "$work/hey.out")")
    hey_cpu+=("$(per_request "$sent" "$hey_fixed")")
    echo "   hey:                     $sent requests, ${heyrate[-1]} requests/s; $(cost "$sent" "$hey_fixed") ($steal)"
  done

  python3 - "${harness[*]}" "${bare[*]}" "${heyrate[*]}" "${harness_cpu[*]}" "${bare_cpu[*]}" "${hey_cpu[*]}" <<'PY'
import statistics, sys
h, b, y, hc, bc, yc = ([float(v) for v in arg.split()] for arg in sys.argv[1:])
print("per round: harness/bare " + ", ".join(f"{x / z:.2f}x" for x, z in zip(h, b)) + "; harness/hey " + ", ".join(f"{x / z:.2f}x" for x, z in zip(h, y)))
mh, mb, my = (statistics.median(v) for v in (h, b, y))
rb, ry = (statistics.median(x / z for x, z in zip(h, v)) for v in (b, y))
print(f"medians: harness {mh:,.0f}/s, bare HttpClient {mb:,.0f}/s, hey {my:,.0f}/s")
print(f"harness / bare HttpClient = {mh / mb:.2f}x of the medians, {rb:.2f}x median of the rounds (target >= 0.70x)")
print(f"harness / hey             = {mh / my:.2f}x of the medians, {ry:.2f}x median of the rounds (target > 1.00x)")
# Two cores spent on client and listener together: the rates' ratio on a machine of their own, steal aside.
print("by CPU per request (client + listener): harness/bare " + ", ".join(f"{z / x:.2f}x" for x, z in zip(hc, bc))
      + "; harness/hey " + ", ".join(f"{z / x:.2f}x" for x, z in zip(hc, yc))
      + f"; medians {statistics.median(z / x for x, z in zip(hc, bc)):.2f}x and {statistics.median(z / x for x, z in zip(hc, yc)):.2f}x")
PY
}

# What the harness itself costs per delivery with the network taken out (see bench/LoadBench/Pipeline.cs).
pipeline() {
  local calls="${1:-30000}" rounds="${2:-6}"
  echo "== pipeline: $calls calls a round, $rounds rounds, requests answered in memory"
  "${bare_env[@]}" "$work/bench/LoadBench" pipeline --scenarios "$root/scenarios/myoperator-incall" --log "$work/pipeline.ndjson" --calls "$calls" --rounds "$rounds"
}

accuracy() {
  local calls="${1:-2000}"
  listen 50
  echo "== accuracy: $calls calls at 200/s against a listener that waits 50 ms"
  "$work/cli/callhooks" run --target "$url" --calls "$calls" --rate 200 --concurrency 200 --pace 0 --seed 42 --out "$work/accuracy" >"$work/accuracy.log" 2>&1 || { tail -20 "$work/accuracy.log"; exit 1; }
  json "$work/accuracy/results.json" "'p50 from scheduled send %.3f ms, from actual send %.3f ms; p99 %.3f / %.3f ms; achieved %.1f calls/s' % (d['summary']['p50Ms'], d['summary']['sent']['p50Ms'], d['summary']['p99Ms'], d['summary']['sent']['p99Ms'], d['summary']['achievedRate'])"
  # A second opinion on the same listener at the same request rate: when the machine cannot hold 50 ms exactly (a busy
  # VM wakes threads late), hey sees it too, which tells the harness's own error apart from the listener's.
  json "$work/accuracy/results.json" "d['scenarios'][0]['deliveries'][0]['request']['body']" | tr -d '\n' >"$work/body"
  local sent=$(json "$work/accuracy/results.json" "d['summary']['deliveries']")
  hey -n "$sent" -c 30 -q 20 -m POST -T application/x-www-form-urlencoded -D "$work/body" "$url" >"$work/hey-accuracy.out"
  echo "hey against the same listener, $sent requests at about 600/s: p50 $(awk '/ 50% in / {printf "%.3f", $3 * 1000}' "$work/hey-accuracy.out") ms, p99 $(awk '/ 99% in / {printf "%.3f", $3 * 1000}' "$work/hey-accuracy.out") ms"
}

memory() {
  local deliveries="${1:-1000000}"
  listen 0
  local calls=$(( deliveries * 7 / 22 + 1 ))
  echo "== memory: $calls calls (~$deliveries deliveries), concurrency 50, --pace 0"
  /usr/bin/time -v "$work/cli/callhooks" run --target "$url" --calls "$calls" --rate 1000000 --concurrency 50 --pace 0 --seed 42 \
    --out "$work/memory" >"$work/memory.log" 2>"$work/memory.time" || true
  json "$work/memory/results.json" "'%d deliveries, %.0f deliveries/s, %d failed' % (d['summary']['deliveries'], d['summary']['deliveriesPerSecond'], d['summary']['deliveriesFailed'])"
  grep -E "Maximum resident set size|Elapsed \(wall" "$work/memory.time"
  ls -l "$work/memory/deliveries.ndjson" | awk '{print "deliveries.ndjson " $5 " bytes"}'
}

reference() {
  local calls="${1:-100000}" rate="${2:-500}"
  "$work/cli/callhooks" serve --port 0 >"$work/serve.out" 2>&1 &
  pids+=($!)
  for _ in $(seq 100); do grep -qo 'http://[0-9.:]*' "$work/serve.out" && break; sleep 0.1; done
  url="$(grep -o 'http://[0-9.:]*' "$work/serve.out" | head -1)/"
  echo "== reference listener ($url): $calls calls at $rate/s, concurrency 200, pace 1 (scenario pauses as written)"
  /usr/bin/time -v "$work/cli/callhooks" run --target "$url" --calls "$calls" --rate "$rate" --concurrency 200 --seed 42 \
    --threshold "errors<=0" --threshold "rate>=99%" --out "$work/reference" >"$work/reference.log" 2>"$work/reference.time" || true
  sed -n '/load run/,$p' "$work/reference.log" | head -30
  grep -E "Maximum resident set size|Elapsed \(wall" "$work/reference.time"
  echo "reference listener RSS: $(ps -o rss= -p "${pids[-1]}") KB"
}

build
case "${1:-throughput}" in
  throughput) throughput "${2:-}" "${3:-}" "${4:-}" ;;
  pipeline) pipeline "${2:-}" "${3:-}" ;;
  accuracy) accuracy "${2:-}" ;;
  memory) memory "${2:-}" ;;
  reference) reference "${2:-}" "${3:-}" ;;
  *) echo "unknown benchmark '$1'" >&2; exit 2 ;;
esac
echo "(work files in $work)"

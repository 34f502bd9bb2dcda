#!/usr/bin/env bash
#
# What the starter costs a real application, end to end over HTTP.
#
# Runs the sample app twice, side by side: one JVM with --hardening.enabled=true (every feature at its
# defaults, as users get it) and one with --hardening.enabled=false (the application as if the starter were
# absent). Both start together, each is warmed under load, then measurement rounds alternate between them
# (on/off, off/on, ...) with wrk, and the script prints per round and as a median over rounds:
#   - the throughput ratio on/off (requests per second; goal >= 0.95),
#   - the p99 latency ratio on/off,
#   - the ratio of the server JVM's CPU time per request on/off (from /proc, so it leaves out wrk and the
#     other tenants of the machine, which the throughput ratio does not).
#
# Why two JVMs side by side rather than one after the other: the machine is small (2 cores) and shared, so
# its speed drifts by more than the overhead we look for. Measuring on and off within the same minute, many
# times, in alternating order, and comparing them round by round, cancels most of that drift; keeping both
# JVMs alive keeps their JIT state comparable (the JIT keeps improving for minutes on 2 cores, hence the long
# warm-up). Only one JVM is under load at any time; the idle one costs next to nothing.
#
# Exits non-zero on errors only (a JVM that does not start, non-2xx answers, a missing tool); a missed goal
# prints MISS and still exits 0.
#
# Usage:  benchmarks/load/overhead.sh
# Settings (environment):
#   WARMUP_SECONDS  load on each JVM before measuring, split over PATHS   (default 60)
#   ROUNDS          measurement rounds, each measures on and off once      (default 3)
#   ROUND_SECONDS   length of one wrk run                                  (default 20)
#   THREADS, CONNECTIONS  wrk -t and -c                                    (default 2, 32)
#   PATHS           space-separated GET paths, one scenario each  (default /api/hello /api/generous)
#                   /api/generous is rate limited (memory store) by a limit never reached
#   POST_PATHS      space-separated paths that get a small JSON POST each  (default /api/comments)
#   POST_BODY       the JSON body of those POSTs                            (default a 55-byte comment)
#   JAVA_OPTS       flags of both JVMs                                     (default -Xms512m -Xmx512m)
#   ON_ARGS, OFF_ARGS  extra application arguments of one JVM, e.g.
#                   ON_ARGS=--hardening.headers.enabled=false to measure the rest (default none)
#   OFF_ENABLED     hardening.enabled of the "off" JVM (default false). Set it to true, with OFF_ARGS switching
#                   one feature off, to measure what that one feature costs on top of all the others, e.g.
#                   OFF_ENABLED=true OFF_ARGS=--hardening.rate-limit.enabled=false PATHS=/api/generous
#   GOAL            throughput ratio that counts as PASS                   (default 0.95)
#   RESULTS_DIR     where raw wrk outputs and JVM logs go                  (default benchmarks/load/results)
#
# To add a scenario, add its path to PATHS. For a request other than a plain GET (a CORS preflight, a POST),
# add a run_<kind> function beside run_get that passes wrk a Lua script (-s), a scenario_<kind> like
# scenario_get, and call it from main.

set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
JAR=${JAR:-$ROOT/sample-app/target/hardening-sample-app.jar}
WARMUP_SECONDS=${WARMUP_SECONDS:-60}
ROUNDS=${ROUNDS:-3}
ROUND_SECONDS=${ROUND_SECONDS:-20}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
PATHS=${PATHS:-/api/hello /api/generous}
POST_PATHS=${POST_PATHS-/api/comments}
POST_BODY=${POST_BODY:-'{"author":"Ann","body":"<p>Hello <b>there</b></p>"}'}
JAVA_OPTS=${JAVA_OPTS:--Xms512m -Xmx512m}
ON_ARGS=${ON_ARGS:-}
OFF_ARGS=${OFF_ARGS:-}
OFF_ENABLED=${OFF_ENABLED:-false}
GOAL=${GOAL:-0.95}
RESULTS_DIR=${RESULTS_DIR:-$ROOT/benchmarks/load/results}
RUN_DIR="$RESULTS_DIR/$(date +%Y%m%d-%H%M%S)"

declare -A PORT PID # keyed by variant: on, off

log() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }
# Prints a result line, and keeps it in $RUN_DIR/summary.txt.
say() {
	# shellcheck disable=SC2059 # the format is the first argument, as with printf
	printf "$@" | tee -a "$RUN_DIR/summary.txt"
}

cleanup() {
	local variant
	for variant in "${!PID[@]}"; do
		if kill -0 "${PID[$variant]}" 2>/dev/null; then
			kill "${PID[$variant]}" 2>/dev/null || true
			wait "${PID[$variant]}" 2>/dev/null || true
		fi
	done
}
trap cleanup EXIT
trap 'exit 130' INT TERM

ensure_wrk() {
	if ! command -v wrk >/dev/null; then
		log "installing wrk"
		apt-get update -qq >/dev/null
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null
	fi
}

ensure_jar() {
	if [[ ! -f "$JAR" ]]; then
		log "building the sample jar"
		(cd "$ROOT" && ./mvnw -q -B -pl sample-app -am -DskipTests package)
	fi
	[[ -f "$JAR" ]] || die "no sample jar at $JAR"
	# Both JVMs run a copy: a build that rewrites the jar mid-run would break their lazy class loading.
	cp "$JAR" "$RUN_DIR/app.jar"
	JAR=$RUN_DIR/app.jar
}

# A TCP port nothing listens on (checked by connecting), not one already picked.
free_port() {
	local port
	for port in $(shuf -i 20000-60000 -n 100); do
		[[ " ${PORT[*]:-} " == *" $port "* ]] && continue
		if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
			echo "$port"
			return
		fi
	done
	die "no free port found"
}

start_app() {
	local variant=$1 enabled=$2 args=$3
	PORT[$variant]=$(free_port)
	# shellcheck disable=SC2086 # JAVA_OPTS and args are lists of flags
	java $JAVA_OPTS -jar "$JAR" --server.port="${PORT[$variant]}" --hardening.enabled="$enabled" $args \
		>"$RUN_DIR/app-$variant.log" 2>&1 &
	PID[$variant]=$!
	log "started hardening=$variant (hardening.enabled=$enabled $args) on port ${PORT[$variant]}, pid ${PID[$variant]}"
}

# CPU time (user + system, all threads) a JVM has used so far, in clock ticks.
cpu_ticks() {
	local stat
	stat=$(<"/proc/${PID[$1]}/stat") || die "hardening=$1 is gone"
	stat=${stat##*) } # the fields after "(java) ", whose name could hold spaces
	awk '{ print $12 + $13 }' <<<"$stat"
}

await_app() {
	local variant=$1 path=${PATHS%% *} deadline=$((SECONDS + 180))
	until curl -fsS -o /dev/null "http://127.0.0.1:${PORT[$variant]}$path" 2>/dev/null; do
		if ! kill -0 "${PID[$variant]}" 2>/dev/null; then
			tail -n 30 "$RUN_DIR/app-$variant.log" >&2
			die "hardening=$variant exited before answering"
		fi
		((SECONDS < deadline)) || die "hardening=$variant did not answer $path within 180 s"
		sleep 1
	done
}

# The switch must really switch: with hardening on the core filters answer with a request id, with it off
# neither they nor the security headers are there. Keeps both header blocks and prints their sizes.
check_switch() {
	local path=${PATHS%% *}
	curl -fsS -D "$RUN_DIR/headers-on.txt" -o /dev/null "http://127.0.0.1:${PORT[on]}$path"
	curl -fsS -D "$RUN_DIR/headers-off.txt" -o /dev/null "http://127.0.0.1:${PORT[off]}$path"
	grep -qi '^x-request-id:' "$RUN_DIR/headers-on.txt" || die "hardening=on sends no X-Request-ID on $path"
	# With OFF_ENABLED=true the off JVM keeps the starter and drops one feature, so its headers stay.
	if [[ $OFF_ENABLED == false ]] && grep -qi '^x-request-id:\|^content-security-policy:' "$RUN_DIR/headers-off.txt"; then
		die "hardening=off still sends hardening headers on $path"
	fi
	say 'Response header block of GET %s: %s bytes on, %s bytes off\n' "$path" \
		"$(wc -c <"$RUN_DIR/headers-on.txt")" "$(wc -c <"$RUN_DIR/headers-off.txt")"
}

# Runs wrk with GET on one variant, keeping its output in $RUN_DIR/<name>.txt, followed by a line
# "jvm-cpu-ticks: N" with the CPU time the JVM used meanwhile.
run_get() {
	local variant=$1 path=$2 seconds=$3 name=$4 script=${5:-}
	local out="$RUN_DIR/$name.txt" before
	local -a extra=()
	[[ -z $script ]] || extra=(-s "$script")
	before=$(cpu_ticks "$variant")
	wrk -t"$THREADS" -c"$CONNECTIONS" -d"${seconds}s" --latency "${extra[@]}" \
		"http://127.0.0.1:${PORT[$variant]}$path" >"$out" || die "wrk failed, see $out"
	echo "jvm-cpu-ticks: $(($(cpu_ticks "$variant") - before))" >>"$out"
	if grep -q 'Non-2xx or 3xx responses' "$out"; then
		die "hardening=$variant answered non-2xx on $path: $(grep 'Non-2xx' "$out")"
	fi
	if grep -q 'Socket errors' "$out"; then
		log "warning: $(grep 'Socket errors' "$out" | sed 's/^ *//') (hardening=$variant, $path)"
	fi
}

# Prints "<requests/s> <p99 in ms> <JVM CPU us per request>" from the output of run_get: wrk --latency prints
# "Requests/sec: 12345.67", "N requests in 20.00s" and, under "Latency Distribution", "99%  1.23ms" (units
# us, ms, s, m).
parse_wrk() {
	awk -v tick_us="$((1000000 / $(getconf CLK_TCK)))" '
		/^Requests\/sec:/ { rps = $2 }
		/ requests in / { requests = $1 }
		/^jvm-cpu-ticks:/ { ticks = $2 }
		/^ *99%/ {
			v = $2; unit = v; sub(/^[0-9.]+/, "", unit); sub(/[a-z]+$/, "", v)
			factor = (unit == "us") ? 0.001 : (unit == "ms") ? 1 : (unit == "s") ? 1000 : (unit == "m") ? 60000 : -1
			if (factor < 0) { print "unknown latency unit: " $2 > "/dev/stderr"; exit 1 }
			p99 = v * factor
		}
		END {
			if (rps == "" || p99 == "" || requests == "" || ticks == "") {
				print "no Requests/sec, requests, 99% or jvm-cpu-ticks line in " FILENAME > "/dev/stderr"; exit 1
			}
			printf "%s %.3f %.1f\n", rps, p99, ticks * tick_us / requests
		}' "$1"
}

median() {
	sort -g | awk '{ v[NR] = $1 } END { printf "%.3f\n", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

# The wrk script of the JSON POST scenarios (wrk sends the same request on every connection).
write_post_script() {
	local body=${POST_BODY//\\/\\\\}
	body=${body//\'/\\\'}
	printf "wrk.method = 'POST'\nwrk.body = '%s'\nwrk.headers['Content-Type'] = 'application/json'\n" "$body" \
		>"$RUN_DIR/post.lua"
}

warm_up() {
	local paths=($PATHS) posts=($POST_PATHS) variant path
	local each=$((WARMUP_SECONDS / (${#paths[@]} + ${#posts[@]})))
	((each > 0)) || each=1
	for variant in on off; do
		for path in "${paths[@]}"; do
			log "warming hardening=$variant on $path for ${each} s"
			run_get "$variant" "$path" "$each" "warmup-$variant-${path//\//_}"
		done
		for path in "${posts[@]}"; do
			log "warming hardening=$variant on POST $path for ${each} s"
			run_get "$variant" "$path" "$each" "warmup-$variant-post-${path//\//_}" "$RUN_DIR/post.lua"
		done
	done
}

# Alternates on and off for one path, ROUNDS times, the first of each pair alternating too (on/off, off/on,
# ...), so that a steady drift of the machine's speed favours neither.
scenario_get() {
	local path=$1 script=${2:-} round order variant rps p99 cpu name
	local method=GET
	[[ -z $script ]] || method=POST
	local -a tput_ratios=() p99_ratios=() cpu_ratios=()
	declare -A r_rps r_p99 r_cpu
	say '\n%s %s  (wrk -t%s -c%s, %s s per run; CPU = server JVM CPU time per request)\n' "$method" "$path" \
		"$THREADS" "$CONNECTIONS" "$ROUND_SECONDS"
	say '%-6s %10s %10s %6s %10s %10s %6s %10s %10s %6s\n' round "req/s on" "req/s off" ratio "p99 on ms" \
		"p99 off ms" ratio "CPU on us" "CPU off us" ratio
	for ((round = 1; round <= ROUNDS; round++)); do
		if ((round % 2)); then order="on off"; else order="off on"; fi
		for variant in $order; do
			log "round $round: hardening=$variant, $path"
			name="round$round-$variant-${method,,}-${path//\//_}"
			run_get "$variant" "$path" "$ROUND_SECONDS" "$name" "$script"
			read -r rps p99 cpu < <(parse_wrk "$RUN_DIR/$name.txt")
			r_rps[$variant]=$rps
			r_p99[$variant]=$p99
			r_cpu[$variant]=$cpu
		done
		tput_ratios+=("$(ratio "${r_rps[on]}" "${r_rps[off]}")")
		p99_ratios+=("$(ratio "${r_p99[on]}" "${r_p99[off]}")")
		cpu_ratios+=("$(ratio "${r_cpu[on]}" "${r_cpu[off]}")")
		say '%-6s %10s %10s %6s %10s %10s %6s %10s %10s %6s\n' "$round" "${r_rps[on]}" "${r_rps[off]}" \
			"${tput_ratios[-1]}" "${r_p99[on]}" "${r_p99[off]}" "${p99_ratios[-1]}" "${r_cpu[on]}" "${r_cpu[off]}" \
			"${cpu_ratios[-1]}"
	done
	local tput p99r cpur verdict
	tput=$(printf '%s\n' "${tput_ratios[@]}" | median)
	p99r=$(printf '%s\n' "${p99_ratios[@]}" | median)
	cpur=$(printf '%s\n' "${cpu_ratios[@]}" | median)
	verdict=$(awk -v r="$tput" -v g="$GOAL" 'BEGIN { print (r >= g) ? "PASS" : "MISS" }')
	say '%s %s: median throughput ratio on/off %s (%s, goal >= %s); median p99 ratio on/off %s;' \
		"$method" "$path" "$tput" "$verdict" "$GOAL" "$p99r"
	say ' median CPU per request ratio on/off %s\n' "$cpur"
}

main() {
	mkdir -p "$RUN_DIR"
	ensure_wrk
	ensure_jar
	start_app on true "$ON_ARGS"
	start_app off "$OFF_ENABLED" "$OFF_ARGS"
	await_app on
	await_app off
	log "both answer; raw outputs in $RUN_DIR"
	say 'Hardening overhead: %s, %s CPUs, %s; JVM flags: %s; on: %s; off: %s\n' "$(date -u +%Y-%m-%dT%H:%MZ)" \
		"$(nproc)" "$(java -version 2>&1 | head -n 1)" "$JAVA_OPTS" "--hardening.enabled=true $ON_ARGS" \
		"--hardening.enabled=$OFF_ENABLED $OFF_ARGS"
	check_switch
	write_post_script
	warm_up
	local path
	for path in $PATHS; do
		scenario_get "$path"
	done
	for path in $POST_PATHS; do
		scenario_get "$path" "$RUN_DIR/post.lua"
	done
}

main "$@"

#!/usr/bin/env bash
# Side-by-side benchmark: artlint against the tools people would otherwise
# use, on the same generated corpus and the same embedded article schema.
#
#   bash bench/compare.sh            # 10,000 records (~47 MB of pretty JSON)
#   N=2000 BIG=0 bash bench/compare.sh   # smaller, without the 1 GB NDJSON
#   BIG_ALL=1 bash bench/compare.sh      # also every rule on the 1 GB NDJSON (minutes)
#
# It installs its peers itself, at pinned versions, under $BENCH_DIR
# (default ~/.cache/artlint-bench): ajv-cli + ajv-formats and
# @stoplight/spectral-cli from npm, and GNU time from Debian when
# /usr/bin/time is missing. Needs Go, node and npm. Prints a Markdown table.
#
# Each timing is one run (the corpus is large enough), reported as wall
# time and as CPU time (user + system): on a shared machine the wall time
# also counts the wait for a core, the CPU time does not.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

AJV_CLI_VERSION=5.0.0
AJV_FORMATS_VERSION=3.0.1
SPECTRAL_VERSION=6.16.3
N=${N:-10000}                  # records (files) in the corpus
SPECTRAL_N=${SPECTRAL_N:-1000} # spectral is slow: a subset
BIG=${BIG:-1}                  # 1: also the 1 GB NDJSON file
BIG_BYTES=${BIG_BYTES:-1000000000}
SEED=${SEED:-1}
BENCH_DIR=${BENCH_DIR:-$HOME/.cache/artlint-bench}
mkdir -p "$BENCH_DIR"
log() { printf '%s\n' "$*" >&2; }

# --- peers -------------------------------------------------------------
if [ ! -x /usr/bin/time ]; then
  log "installing GNU time (Debian package time)"
  apt-get update -qq && apt-get install -y -qq time
fi
NPM_DIR="$BENCH_DIR/npm-ajv$AJV_CLI_VERSION-formats$AJV_FORMATS_VERSION-spectral$SPECTRAL_VERSION"
if [ ! -x "$NPM_DIR/node_modules/.bin/ajv" ] || [ ! -x "$NPM_DIR/node_modules/.bin/spectral" ]; then
  log "installing ajv-cli@$AJV_CLI_VERSION ajv-formats@$AJV_FORMATS_VERSION @stoplight/spectral-cli@$SPECTRAL_VERSION"
  npm install --prefix "$NPM_DIR" --no-audit --no-fund --loglevel=error \
    "ajv-cli@$AJV_CLI_VERSION" "ajv-formats@$AJV_FORMATS_VERSION" "@stoplight/spectral-cli@$SPECTRAL_VERSION" >&2
fi
AJV="$NPM_DIR/node_modules/.bin/ajv"
SPECTRAL="$NPM_DIR/node_modules/.bin/spectral"

# --- artlint and the corpus ---------------------------------------------
ARTLINT="$BENCH_DIR/artlint"
log "building artlint"
go build -o "$ARTLINT" ./cmd/artlint
go build -o "$BENCH_DIR/artlint-corpus" ./cmd/artlint-corpus
# Corpora are named after the generator's build, so a changed generator
# makes a new corpus rather than reusing an old one.
GEN=$(sha256sum "$BENCH_DIR/artlint-corpus" | cut -c1-12)
CORPUS="$BENCH_DIR/corpus-$N-seed$SEED-$GEN"
if [ ! -f "$CORPUS/manifest.json" ]; then
  log "generating $N records in $CORPUS"
  rm -rf "$CORPUS"
  "$BENCH_DIR/artlint-corpus" -n "$N" -o "$CORPUS" --seed "$SEED" >&2
fi
SUBSET="$BENCH_DIR/subset-$SPECTRAL_N-of-$N-seed$SEED-$GEN"
if [ ! -d "$SUBSET" ]; then
  mkdir -p "$SUBSET"
  mapfile -t all_files < <(find "$CORPUS" -path '*/[0-9]*/*.json' | sort)
  cp -t "$SUBSET" "${all_files[@]:0:$SPECTRAL_N}"
fi
SCHEMA="$ROOT/schema/article.v1.schema.json"
RULESET="$BENCH_DIR/spectral-ruleset.json"
node -e '
  const schema = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const ruleset = {rules: {"article-schema": {given: "$", severity: "error",
    then: {function: "schema", functionOptions: {schema, dialect: "draft2020-12", allErrors: true}}}}};
  require("fs").writeFileSync(process.argv[2], JSON.stringify(ruleset));
' "$SCHEMA" "$RULESET"

bytes_of() { find "$1" -path '*/[0-9]*/*.json' -printf '%s\n' 2>/dev/null | awk '{s+=$1} END {print s+0}'; }
count_of() { find "$1" -name '*.json' ! -name manifest.json | wc -l; }
[ -n "$(find "$SUBSET" -maxdepth 1 -name '*.json' -print -quit)" ] || { log "empty subset"; exit 2; }
CORPUS_BYTES=$(bytes_of "$CORPUS")
SUBSET_BYTES=$(find "$SUBSET" -name '*.json' -printf '%s\n' | awk '{s+=$1} END {print s+0}')
CORPUS_FILES=$(count_of "$CORPUS")
SUBSET_FILES=$(count_of "$SUBSET")

# measure NAME RECORDS BYTES CMD...: one run under GNU time; output
# discarded, exit codes 0/1 (findings) accepted.
ROWS=()
declare -A WALL CPU
measure() {
  local name=$1 records=$2 bytes=$3; shift 3
  local tf; tf=$(mktemp)
  sync
  /usr/bin/time -f '%e %U %S %M' -o "$tf" "$@" >/dev/null 2>"$tf.err" || {
    local rc=$?
    if [ "$rc" -gt 1 ]; then log "$name: exit $rc"; tail -5 "$tf.err" >&2; fi
  }
  read -r wall user sys rss < <(tail -1 "$tf")
  local cpu; cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN {printf "%.2f", u+s}')
  WALL[$name]=$wall; CPU[$name]=$cpu
  ROWS+=("$(awk -v n="$name" -v r="$records" -v b="$bytes" -v w="$wall" -v c="$cpu" -v m="$rss" 'BEGIN {
    if (w < 0.01) w = 0.01
    printf "| %s | %d | %.2f | %.2f | %.0f | %.1f | %.0f |", n, r, w, c, r/w, b/w/1e6, m/1024 }')")
  log "$name: wall ${wall}s cpu ${cpu}s rss $((rss/1024)) MB"
  rm -f "$tf" "$tf.err"
}

log "timing (corpus: $CORPUS_FILES files, $((CORPUS_BYTES/1000000)) MB)"
# ajv-cli stops (exit 2) at the first file that is not JSON, so it gets
# the well-formed files only: the corpus without its truncated ones
# (listed in the manifest), as links in one directory.
WELLFORMED="$BENCH_DIR/wellformed-$N-seed$SEED-$GEN"
if [ ! -d "$WELLFORMED" ]; then
  mkdir -p "$WELLFORMED"
  node -e '
    const fs = require("fs"), path = require("path");
    const [corpus, out] = process.argv.slice(1);
    const m = JSON.parse(fs.readFileSync(path.join(corpus, "manifest.json"), "utf8"));
    const bad = new Set(m.defective.filter(d => d.kind === "truncated").map(d => d.path));
    for (const dir of fs.readdirSync(corpus).filter(d => /^[0-9]+$/.test(d)).sort())
      for (const f of fs.readdirSync(path.join(corpus, dir)).sort())
        if (!bad.has(dir + "/" + f)) fs.symlinkSync(path.join(corpus, dir, f), path.join(out, f));
  ' "$CORPUS" "$WELLFORMED"
fi
WF_FILES=$(find "$WELLFORMED" -name '*.json' | wc -l)
WF_BYTES=$(find -L "$WELLFORMED" -name '*.json' -printf '%s\n' | awk '{s+=$1} END {print s+0}')
measure "ajv-cli (schema only; well-formed files)" "$WF_FILES" "$WF_BYTES" \
  "$AJV" validate --spec=draft2020 -c ajv-formats --strict=false --all-errors -s "$SCHEMA" -d "$WELLFORMED/*.json"
measure "spectral, schema rule ($SUBSET_FILES-file subset)" "$SUBSET_FILES" "$SUBSET_BYTES" \
  "$SPECTRAL" lint --ruleset "$RULESET" -f json -q "$SUBSET/*.json"
measure "artlint, schema only (--enable schema)" "$CORPUS_FILES" "$CORPUS_BYTES" \
  "$ARTLINT" lint --no-config --enable schema "$CORPUS"
measure "artlint, every rule" "$CORPUS_FILES" "$CORPUS_BYTES" \
  "$ARTLINT" lint --no-config "$CORPUS"
measure "artlint, every rule, -j 1" "$CORPUS_FILES" "$CORPUS_BYTES" \
  "$ARTLINT" lint --no-config -j 1 "$CORPUS"
measure "artlint, every rule, -j 2" "$CORPUS_FILES" "$CORPUS_BYTES" \
  "$ARTLINT" lint --no-config -j 2 "$CORPUS"
# The machine's own scaling, as a control for the -j 2 row: two separate
# -j 1 processes, each on half of the corpus's directories, at once. They
# share nothing in artlint, so what they lose against twice one -j 1 run is
# what the two cores lose (shared caches, the hypervisor, the collector).
mapfile -t corpus_dirs < <(find "$CORPUS" -mindepth 1 -maxdepth 1 -type d | sort)
HALF_A=() HALF_B=()
for i in "${!corpus_dirs[@]}"; do
  if [ $((i % 2)) = 0 ]; then HALF_A+=("${corpus_dirs[$i]}"); else HALF_B+=("${corpus_dirs[$i]}"); fi
done
measure "artlint, every rule, two -j 1 processes on halves at once" "$CORPUS_FILES" "$CORPUS_BYTES" \
  bash -c '"$0" lint --no-config -j 1 "${@:2:$1}" >/dev/null & a=$!; shift $(( $1 + 1 )); "$0" lint --no-config -j 1 "$@" >/dev/null & b=$!; wait $a; wait $b; true' \
  "$ARTLINT" "${#HALF_A[@]}" "${HALF_A[@]}" "${HALF_B[@]}"
rm -rf "$BENCH_DIR/lint-cache"
measure "artlint --cache, first run" "$CORPUS_FILES" "$CORPUS_BYTES" \
  "$ARTLINT" lint --no-config --cache-location "$BENCH_DIR/lint-cache" "$CORPUS"
measure "artlint --cache, unchanged re-run" "$CORPUS_FILES" "$CORPUS_BYTES" \
  "$ARTLINT" lint --no-config --cache-location "$BENCH_DIR/lint-cache" "$CORPUS"

if [ "$BIG" = 1 ]; then
  BIGFILE="$BENCH_DIR/big-seed$SEED-$GEN.ndjson"
  if [ ! -f "$BIGFILE" ] || [ "$(stat -c %s "$BIGFILE")" -lt "$BIG_BYTES" ]; then
    # About 4.4 kB per compact record.
    n=$((BIG_BYTES / 4300 + 1))
    log "generating $BIGFILE ($n records)"
    "$BENCH_DIR/artlint-corpus" -n "$n" --ndjson "$BIGFILE" --seed "$SEED" >&2
  fi
  big_bytes=$(stat -c %s "$BIGFILE")
  big_records=$(grep -c '' "$BIGFILE")
  measure "artlint, 1 GB NDJSON, schema only" "$big_records" "$big_bytes" \
    "$ARTLINT" lint --no-config --enable schema "$BIGFILE"
  if [ "${BIG_ALL:-0}" = 1 ]; then
    measure "artlint, 1 GB NDJSON, every rule" "$big_records" "$big_bytes" \
      "$ARTLINT" lint --no-config "$BIGFILE"
  fi
fi

# One file, process start included: the median of 31 runs after 5
# warm-up runs (bench/onefile), wall and CPU time.
mapfile -t first_dir < <(find "$CORPUS" -path '*/000/*.json' | sort)
ONE=${first_dir[0]}
go build -o "$BENCH_DIR/onefile" ./bench/onefile
read -r ONE_MS ONE_CPU_MS < <("$BENCH_DIR/onefile" -n 31 -- "$ARTLINT" lint --no-config "$ONE")
read -r ONE_SCHEMA_MS ONE_SCHEMA_CPU_MS < <("$BENCH_DIR/onefile" -n 31 -- "$ARTLINT" lint --no-config --enable schema "$ONE")

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b <= 0) b = 0.01; printf "%.2f", a/b }'; }
A="artlint, every rule"
S="spectral, schema rule ($SUBSET_FILES-file subset)"
spectral_per_file=$(awk -v w="${WALL[$S]}" -v n="$SUBSET_FILES" 'BEGIN {print w/n}')
artlint_per_file=$(awk -v w="${WALL[$A]}" -v n="$CORPUS_FILES" 'BEGIN {print w/n}')
spectral_cpu_per_file=$(awk -v w="${CPU[$S]}" -v n="$SUBSET_FILES" 'BEGIN {print w/n}')
artlint_cpu_per_file=$(awk -v w="${CPU[$A]}" -v n="$CORPUS_FILES" 'BEGIN {print w/n}')

echo
echo "Machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; $(go version | cut -d' ' -f3); node $(node --version)."
echo "Corpus: $CORPUS_FILES files, $((CORPUS_BYTES / 1000000)) MB of pretty JSON (cmd/artlint-corpus -n $N --seed $SEED)."
echo
echo "| Run | Records | Wall s | CPU s | Records/s (wall) | MB/s (wall) | Peak RSS MB |"
echo "|---|---:|---:|---:|---:|---:|---:|"
printf '%s\n' "${ROWS[@]}"
echo
echo "| Ratio | Wall | CPU |"
echo "|---|---:|---:|"
J="ajv-cli (schema only; well-formed files)"
echo "| ajv-cli schema-only ÷ artlint every rule (target ≥ 2) | $(ratio "${WALL[$J]}" "${WALL[$A]}") | $(ratio "${CPU[$J]}" "${CPU[$A]}") |"
echo "| spectral ÷ artlint every rule, per file (target > 100) | $(ratio "$spectral_per_file" "$artlint_per_file") | $(ratio "$spectral_cpu_per_file" "$artlint_cpu_per_file") |"
echo "| ajv-cli ÷ artlint schema only | $(ratio "${WALL[$J]}" "${WALL["artlint, schema only (--enable schema)"]}") | $(ratio "${CPU[$J]}" "${CPU["artlint, schema only (--enable schema)"]}") |"
echo "| -j 2 throughput ÷ -j 1 (target ≥ 1.8) | $(ratio "${WALL["artlint, every rule, -j 1"]}" "${WALL["artlint, every rule, -j 2"]}") | |"
echo "| two separate -j 1 processes ÷ one -j 1 (the machine's own scaling, a control) | $(ratio "${WALL["artlint, every rule, -j 1"]}" "${WALL["artlint, every rule, two -j 1 processes on halves at once"]}") | |"
echo "| cache: first run ÷ unchanged re-run (target ≥ 10) | $(ratio "${WALL["artlint --cache, first run"]}" "${WALL["artlint --cache, unchanged re-run"]}") | $(ratio "${CPU["artlint --cache, first run"]}" "${CPU["artlint --cache, unchanged re-run"]}") |"
echo
echo "One file ($(basename "$ONE")), process start included, median of 31 runs (target < 15 ms wall): every rule ${ONE_MS} ms wall, ${ONE_CPU_MS} ms CPU; schema only ${ONE_SCHEMA_MS} ms wall, ${ONE_SCHEMA_CPU_MS} ms CPU."

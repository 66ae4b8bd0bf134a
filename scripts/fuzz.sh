#!/usr/bin/env bash
# Run every fuzz target (or those named) for SECONDS each, one after another, seeded
# with the project's fixtures and rule files. Inputs that crash a target are copied to
# fuzz/regressions/TARGET/, which `cargo test` replays (tests/fuzz_regressions.rs).
#
#   scripts/fuzz.sh SECONDS [parse|rules|check ...]
#
# Needs the nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:?usage: scripts/fuzz.sh SECONDS [TARGET ...]}
shift
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(parse rules check)

# Seeds: fixture articles behind each format byte (0 text, 1 Markdown, 2 HTML), rule files.
for target in parse check; do
  mkdir -p "fuzz/corpus/$target"
  for file in tests/fixtures/articles/*; do
    name=$(basename "$file")
    case "$file" in
      *.html) byte='\x02' ;;
      *.md) byte='\x01' ;;
      *) byte='\x00' ;;
    esac
    { printf "$byte"; cat "$file"; } > "fuzz/corpus/$target/$name"
  done
done
mkdir -p fuzz/corpus/rules
cp rules/*.yaml fuzz/corpus/rules/

cargo +nightly fuzz build -O >/dev/null
for target in "${targets[@]}"; do
  start=$(date +%s)
  status=0
  rm -rf "fuzz/artifacts/$target"
  cargo +nightly fuzz run -O "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    > "fuzz/$target.log" 2>&1 || status=$?
  minutes=$(( ($(date +%s) - start) / 60 ))
  mkdir -p "fuzz/regressions/$target"
  found=0
  for crash in fuzz/artifacts/"$target"/*; do
    [ -e "$crash" ] || continue
    cp "$crash" "fuzz/regressions/$target/"
    found=$((found + 1))
  done
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "fuzz/$target.log" | grep -o '[0-9]*$' || echo "?")
  if [ "$status" -eq 0 ]; then
    echo "$target: $minutes min, $runs inputs, no crash"
  else
    echo "$target: stopped after $minutes min with status $status; $found input(s) kept in fuzz/regressions/$target (log: fuzz/$target.log)"
  fi
done

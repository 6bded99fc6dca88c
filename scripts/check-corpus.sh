#!/usr/bin/env bash
# Runs `consolidator run` over every scenario of the shared corpus and compares each result
# with the scenario's expected.json (../shared/tools/check_result.py, which needs python3-openpyxl).
#   scripts/check-corpus.sh [CORPUS_DIR] [SCENARIO...]
set -uo pipefail
cd "$(dirname "$0")/.."
corpus="${1:-../shared/corpus}"
shift || true
tools="$(dirname "$corpus")/tools"
work="$(mktemp -d)"
dotnet build src/Consolidator -v q -nologo >/dev/null || exit 1
scenarios=("$@")
# Only scenarios with an expected.json can be checked (realworld/ has none).
[ ${#scenarios[@]} -eq 0 ] && scenarios=($(for d in "$corpus"/*/; do [ -f "$d/expected.json" ] && basename "$d"; done))
fail=0
for s in "${scenarios[@]}"; do
  /usr/bin/python3 "$tools/prepare_inbox.py" "$corpus/$s" "$work/$s/in" >/dev/null
  dotnet src/Consolidator/bin/Debug/net10.0/consolidator.dll run --inbox "$work/$s/in" --output "$work/$s/out" --state "$work/$s/state" >"$work/$s/run.log" 2>&1
  line=$(/usr/bin/python3 "$tools/check_result.py" "$corpus/$s" "$work/$s/out" | tail -1)
  echo "$s: $line"
  case "$line" in *" 0 failed") ;; *) fail=1; /usr/bin/python3 "$tools/check_result.py" "$corpus/$s" "$work/$s/out" | grep MISMATCH ;; esac
done
rm -rf "$work"
exit $fail

#!/usr/bin/env bash
# Differential reading check: runs `validate --json` over every spreadsheet file under a folder,
# one process per file (so a crash, hang or memory blow-up is one file's, and is measured), and
# tabulates the outcomes: files per outcome (the rejection code, or "read"), crashes, timeouts,
# peak memory and the slowest file. Meant for the test files of other spreadsheet libraries: the
# next corpus is checked in one command.
#
#   scripts/differential.sh FOLDER [OUT]     OUT defaults to TestResults/differential
#
# Environment: JOBS (parallel files, default 2), TIMEOUT (seconds per file, default 60),
# CONSOLIDATOR (the consolidator.dll to run; default the Debug build, built when missing),
# EXT (extensions taken, default "xls xlsx xlsm xlsb xltx xltm xlt xlam ods csv").
# Writes OUT/files.tsv (one row per file: outcome, exit code, wall seconds, CPU seconds, peak KB,
# path, message)
# and OUT/summary.md (the table), and prints the table.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
folder="${1:?usage: differential.sh FOLDER [OUT]}"
out="${2:-$here/TestResults/differential}"
jobs="${JOBS:-2}"
timeout_s="${TIMEOUT:-60}"
dll="${CONSOLIDATOR:-$here/src/Consolidator/bin/Debug/net10.0/consolidator.dll}"
exts="${EXT:-xls xlsx xlsm xlsb xltx xltm xlt xlam ods csv}"
[ -f "$dll" ] || dotnet build "$here/src/Consolidator" -v q >/dev/null
rm -rf "$out/raw" "$out/files.tsv"; mkdir -p "$out/raw"

# One file: validate --json under a timeout and /usr/bin/time; its output kept in raw/ under an
# id, classified once at the end (a process per file is the measurement; nothing else runs per file).
one() {
  local file="$1" dll="$2" raw="$3" timeout_s="$4" id
  id=$(printf '%s' "$file" | sha1sum | cut -c1-16)
  printf '%s\n' "$file" >"$raw/$id.path"
  /usr/bin/time -f '%e %M %U %S' -o "$raw/$id.time" timeout -s KILL "$timeout_s" \
    dotnet "$dll" validate --json "$file" >"$raw/$id.json" 2>"$raw/$id.err"
  echo $? >"$raw/$id.rc"
}
export -f one

pattern=()
for e in $exts; do pattern+=(-o -iname "*.$e"); done
find "$folder" -type f \( "${pattern[@]:1}" \) -print0 | sort -z \
  | xargs -0 -P "$jobs" -I{} bash -c 'one "$1" "$2" "$3" "$4" || true' _ {} "$dll" "$out/raw" "$timeout_s"

python3 - "$out/raw" "$timeout_s" >"$out/files.tsv" <<'PY'
import glob, json, os, sys
raw, limit = sys.argv[1], sys.argv[2]
for path_file in sorted(glob.glob(os.path.join(raw, "*.path"))):
    base = path_file[:-5]
    read = lambda ext: open(base + ext, encoding="utf-8", errors="replace").read() if os.path.exists(base + ext) else ""
    path = read(".path").strip()
    rc = int(read(".rc").strip() or "-1")
    time_lines = [l for l in read(".time").splitlines() if l.strip()]
    fields = (time_lines[-1].split() + ["0"] * 4)[:4] if time_lines else ["0"] * 4
    secs, kb = fields[0], fields[1]
    cpu = "%.2f" % (float(fields[2]) + float(fields[3])) if fields[2].replace(".", "").isdigit() else "0"
    killed = rc == 137 or "signal 9" in read(".time")
    try:
        doc = json.loads(read(".json"))
    except ValueError:
        doc = None
    if killed:
        outcome, message = "timeout", "killed after %ss" % limit
    elif rc > 2 or doc is None:
        outcome, message = "crash", "exit %d: %s" % (rc, read(".err")[:300])
    elif not doc["files"]:
        outcome, message = "skipped", "not taken by validate (lock, hidden or temporary file)"
    elif doc["files"][0]["rejection"]:
        r = doc["files"][0]["rejection"]
        outcome, message = r["code"], r["messageJa"] + " / " + r["messageEn"]
    else:
        f = doc["files"][0]
        outcome, message = "read", "; ".join("%s: %s items" % (s["name"], s["items"]) for s in f["sheets"])
    message = " ".join(message.split())
    print("\t".join([outcome, str(rc), secs, cpu, kb, path, message]))
PY

python3 - "$out/files.tsv" "$folder" >"$out/summary.md" <<'PY'
import collections, sys
rows = [l.rstrip("\n").split("\t", 6) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
count = collections.Counter(r[0] for r in rows)
print("Differential run over %s: %d files" % (sys.argv[2], len(rows)))
print()
print("| outcome | files |")
print("|---|---:|")
for k, v in sorted(count.items(), key=lambda kv: (-kv[1], kv[0])):
    print("| %s | %d |" % (k, v))
print()
crashes = [r for r in rows if r[0] == "crash"]
timeouts = [r for r in rows if r[0] == "timeout"]
print("crashes: %d, timeouts: %d" % (len(crashes), len(timeouts)))
if rows:
    peak = max(rows, key=lambda r: int(r[4]))
    slow = max(rows, key=lambda r: float(r[2]))
    busy = max(rows, key=lambda r: float(r[3]))
    print("peak memory: %.0f MB (%s)" % (int(peak[4]) / 1024, peak[5]))
    # Wall time depends on what else the machine runs; CPU time (user + system) on the file.
    print("slowest file: %.2f s wall (%s); most CPU: %.2f s (%s)" % (float(slow[2]), slow[5], float(busy[3]), busy[5]))
for r in crashes + timeouts:
    print("  %s: %s  %s" % (r[0], r[5], r[6][:200]))
PY
cat "$out/summary.md"

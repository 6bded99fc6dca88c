#!/usr/bin/env bash
# Differential reading check: runs `validate --json` over every spreadsheet file under a folder,
# one process per file (so a crash, hang or memory blow-up is one file's, and is measured), and
# tabulates the outcomes: files per outcome (the rejection code, or "read"), crashes, timeouts,
# peak memory and the slowest file. Meant for the test files of other spreadsheet libraries: the
# next corpus is checked in one command.
#
#   scripts/differential.sh FOLDER [OUT]     OUT defaults to TestResults/differential
#
# Environment: JOBS (parallel processes, default 2), TIMEOUT (seconds per file, default 60),
# BATCH (files per process, default 1: each file measured alone; with more, a process's start-up
# is shared by a batch, a batch that crashes or times out is run again file by file, and the
# files of the three batches that took most CPU or memory are measured again alone),
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

# A batch of files in one validate process; its report split into one record per file, each with
# the batch's time and memory (marked .batch). A batch that did not end normally runs file by file.
batch() {
  local dll="$1" raw="$2" timeout_s="$3" id rc
  shift 3
  id=batch-$(printf '%s\n' "$@" | sha1sum | cut -c1-16)
  /usr/bin/time -f '%e %M %U %S' -o "$raw/$id.btime" timeout -s KILL "$((timeout_s * $#))" \
    dotnet "$dll" validate --json "$@" >"$raw/$id.bjson" 2>/dev/null
  rc=$?
  if [ "$rc" -le 2 ] && python3 - "$raw" "$id" "$@" <<'PY'
import hashlib, json, os, sys
raw, batch, files = sys.argv[1], sys.argv[2], sys.argv[3:]
doc = json.load(open(os.path.join(raw, batch + ".bjson"), encoding="utf-8"))
if len(doc["files"]) != len(files):
    sys.exit(1)
timing = open(os.path.join(raw, batch + ".btime")).read()
for path, entry in zip(files, doc["files"]):
    if entry["path"] not in (os.path.basename(path), path):
        sys.exit(1)
for path, entry in zip(files, doc["files"]):
    id = hashlib.sha1(path.encode("utf-8")).hexdigest()[:16]
    w = lambda ext, text: open(os.path.join(raw, id + ext), "w", encoding="utf-8").write(text)
    w(".path", path + "\n")
    w(".json", json.dumps({"exitCode": entry["exitCode"], "files": [entry]}, ensure_ascii=False))
    w(".rc", "%d\n" % entry["exitCode"])
    w(".time", timing)
    w(".batch", batch + "\n")
PY
  then :; else
    for f in "$@"; do one "$f" "$dll" "$raw" "$timeout_s"; done
  fi
}
export -f batch

pattern=()
for e in $exts; do pattern+=(-o -iname "*.$e"); done
find "$folder" -type f \( "${pattern[@]:1}" \) -print0 | sort -z >"$out/list"
if [ "${BATCH:-1}" -le 1 ]; then
  xargs -0 -P "$jobs" -I{} bash -c 'one "$1" "$2" "$3" "$4" || true' _ {} "$dll" "$out/raw" "$timeout_s" <"$out/list"
else
  xargs -0 -P "$jobs" -n "$BATCH" bash -c 'batch "$@" || true' _ "$dll" "$out/raw" "$timeout_s" <"$out/list"
  # The files of the batches that took most CPU or memory, measured again alone.
  for what in 3 2; do
    for b in $(for t in "$out"/raw/batch-*.btime; do echo "$(tail -n1 "$t" | awk -v k=$what '{print ($k == "" ? 0 : (k == 3 ? $3 + $4 : $2))}') $(basename "$t" .btime)"; done | sort -gr | head -3 | cut -d' ' -f2); do
      { grep -lx "$b" "$out"/raw/*.batch 2>/dev/null || true; } | while read -r m; do
        f=$(cat "${m%.batch}.path"); rm -f "$m"; one "$f" "$dll" "$out/raw" "$timeout_s" || true
      done
    done
  done
fi

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
    measured = "batch" if os.path.exists(base + ".batch") else "alone"
    print("\t".join([outcome, str(rc), secs, cpu, kb, path, message, measured]))
PY

python3 - "$out/files.tsv" "$folder" >"$out/summary.md" <<'PY'
import collections, sys
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
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
    # Time and memory of a file measured alone; in batches, those of the batches that took most,
    # whose files were measured again alone.
    alone = [r for r in rows if r[-1] == "alone"] or rows
    peak = max(alone, key=lambda r: int(r[4]))
    slow = max(alone, key=lambda r: float(r[2]))
    busy = max(alone, key=lambda r: float(r[3]))
    print("peak memory: %.0f MB (%s)" % (int(peak[4]) / 1024, peak[5]))
    # Wall time depends on what else the machine runs; CPU time (user + system) on the file.
    print("slowest file: %.2f s wall (%s); most CPU: %.2f s (%s)" % (float(slow[2]), slow[5], float(busy[3]), busy[5]))
for r in crashes + timeouts:
    print("  %s: %s  %s" % (r[0], r[5], r[6][:200]))
PY
cat "$out/summary.md"

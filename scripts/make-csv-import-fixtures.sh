#!/usr/bin/env bash
# Checks that the result CSV opens as the text it holds when a Japanese spreadsheet reads it, and
# keeps the evidence as a fixture of tests/Consolidator.Core.Tests/Data/CsvImport/:
#   items.csv                  the CSV export of the seed audit with ids and texts that Japanese
#                              Excel turns into dates or numbers (tests/Consolidator.Fixtures/CsvTraps.cs)
#   items.libreoffice-ja.tsv   every cell as LibreOffice's CSV import read it in the Japanese locale
#                              (language 1041, special numbers detected): row, column, type, value
# CsvImportTests checks that items.csv is what the writer writes today and that every cell was
# read back as text, equal to what the product meant. The same import of the CSV without the
# ="…" wrapping is printed for comparison. Needs the .NET SDK, LibreOffice (soffice) and
# python3-openpyxl; the tests themselves need neither.
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/Consolidator.Core.Tests/Data/CsvImport
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out" "$work/with" "$work/without"
dotnet run --project tools/Consolidator.Samples -- --csv-fixture "$work/with/items.csv" >/dev/null
# The same file as it was written before ids were protected: ="…" unwrapped.
/usr/bin/python3 - "$work/with/items.csv" "$work/without/items.csv" <<'PY'
import sys
text = open(sys.argv[1], encoding="utf-8-sig", newline="").read()
open(sys.argv[2], "w", encoding="utf-8-sig", newline="").write(text.replace('"=""', '"').replace('"""', '"'))
PY
# Field separator 44 (,), text delimiter 34 ("), UTF-8 (76), from row 1, no column types,
# language 1041 (Japanese), quoted fields not forced to text, special numbers detected.
filter='CSV:44,34,76,1,,1041,false,true'
for v in with without; do
  soffice --headless --infilter="$filter" --convert-to xlsx --outdir "$work/$v" "$work/$v/items.csv" >/dev/null 2>&1
done
dump() {
  /usr/bin/python3 - "$1" <<'PY'
import sys, openpyxl
ws = openpyxl.load_workbook(sys.argv[1], data_only=True).active
for row in ws.iter_rows():
    for c in row:
        if c.value is None:
            continue
        v = c.value.isoformat() if hasattr(c.value, "isoformat") else str(c.value)
        print(f"{c.row}\t{c.column}\t{c.data_type}\t" + v.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r"))
PY
}
cp "$work/with/items.csv" "$out/items.csv"
dump "$work/with/items.xlsx" > "$out/items.libreoffice-ja.tsv"
dump "$work/without/items.xlsx" > "$work/without.tsv"
summary() { awk -F'\t' -v name="$2" '{ n++; t[$3]++ } END { printf "%-28s %4d cells: text %d, number %d, date %d, other %d\n", name, n, t["s"], t["n"], t["d"], n - t["s"] - t["n"] - t["d"] }' "$1"; }
summary "$work/without.tsv" "without =\"…\" (before):"
summary "$out/items.libreoffice-ja.tsv" "as written (after):"
echo "converted without it:"; awk -F'\t' '$3 != "s" { print "  row " $1 ", column " $2 ": " $3 " " $4 }' "$work/without.tsv"
ls -l "$out"

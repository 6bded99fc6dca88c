#!/usr/bin/env bash
# Makes the template round-trip fixtures in tests/Consolidator.Core.Tests/Data/Templates/ once,
# so the tests need neither Python nor LibreOffice:
#   1. `consolidator template --all` writes the seed audit's four templates from input-samples'
#      master list (names and items below, as an office would configure them);
#   2. scripts/fill-templates.py fills them with openpyxl from input-samples' own workbooks
#      (openpyxl/), with planted mistakes (planted/) and with a row added (altered/);
#   3. LibreOffice headless opens and saves the filled templates and one blank one (libreoffice/),
#      and saves the member's filled checklist as .xls and as CSV.
# Needs the .NET SDK, python3 with openpyxl and soffice. Run from anywhere; rerun after changing
# the template layout (TemplateDefinition.LayoutVersion) and commit the new files.
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/Consolidator.Core.Tests/Data/Templates
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cat > "$work/settings.json" <<'JSON'
{
  "Templates": {
    "Auditors": [
      { "Name": "佐藤 健一（監査責任者）", "Items": [ "1-*", "2-*", "3-*", "4-*" ] },
      { "Name": "高橋 美咲（監査人）", "Items": [ "5-*", "6-*", "7-*" ] }
    ],
    "Vendors": [
      { "Name": "株式会社みなと情報システム", "Items": [ "1-2", "2-6", "5-1", "5-2", "5-3", "5-4", "5-5", "5-6", "5-9", "5-10", "6-*", "7-2" ] },
      { "Name": "北斗データセンター株式会社", "Items": [ "3-1", "3-2", "3-3", "5-6", "6-2", "7-3" ] }
    ]
  }
}
JSON

dotnet run --project src/Consolidator -- template --settings "$work/settings.json" \
  --master input-samples/監査項目一覧_庶務事務システム.xlsx --all --out "$work/blank"

rm -rf "$out"
mkdir -p "$out/libreoffice"
/usr/bin/python3 scripts/fill-templates.py input-samples "$work/blank" "$out"

# LibreOffice re-saves in place of a person opening, filling and saving in Calc.
profile="$work/lo-profile"
for f in "$out"/openpyxl/*.xlsx; do
  soffice -env:UserInstallation=file://"$profile" --headless --convert-to xlsx --outdir "$out/libreoffice" "$f" >/dev/null
done
# The member's filled checklist saved as .xls (BIFF8, keeps the hidden sheet) and as CSV (UTF-8,
# the visible sheet only: no template record, read by content).
cp "$out/openpyxl/チェックリスト_高橋.xlsx" "$work/member.xlsx"
soffice -env:UserInstallation=file://"$profile" --headless --convert-to xls --outdir "$work/formats" "$work/member.xlsx" >/dev/null
soffice -env:UserInstallation=file://"$profile" --headless --convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1' --outdir "$work/formats" "$work/member.xlsx" >/dev/null
cp "$work/formats/member.xls" "$out/libreoffice/チェックリスト_高橋.xls"
cp "$work/formats/member.csv" "$out/libreoffice/チェックリスト_高橋.csv"
cp "$work/blank/"*高橋*.xlsx "$work/blank.xlsx"
soffice -env:UserInstallation=file://"$profile" --headless --convert-to xlsx --outdir "$work/lo-blank" "$work/blank.xlsx" >/dev/null
cp "$work/lo-blank/blank.xlsx" "$out/libreoffice/blank_チェックリスト_高橋.xlsx"
cp "$work/settings.json" "$out/settings.json"
ls -l "$out"/*

#!/usr/bin/env bash
# Makes the recognition fixtures of tests/Consolidator.Core.Tests/Data/Recognition once, so the
# tests read the same cases as written by other writers without needing them at test time:
#   openpyxl/      each case written by openpyxl from the cases' JSON (scripts/recognition-fixtures.py);
#   libreoffice/   the Excel-shaped builder's .xlsx opened and saved by LibreOffice, as .xlsx and .xls.
# The builder's own .xlsx are made by the tests in process (RecognitionFixtures), not committed.
# Needs the .NET SDK, python3 with openpyxl and soffice. Rerun after changing RecognitionFixtures.
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/Consolidator.Core.Tests/Data/Recognition
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet run --project tools/Consolidator.Samples -- --recognition-fixtures "$work/src" >/dev/null
rm -rf "$out"
mkdir -p "$out/openpyxl" "$out/libreoffice"
/usr/bin/python3 scripts/recognition-fixtures.py "$work/src/cases.json" "$out/openpyxl"
profile="$work/lo-profile"
for f in "$work"/src/*.xlsx; do
  soffice -env:UserInstallation=file://"$profile" --headless --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$out/libreoffice" "$f" >/dev/null
  soffice -env:UserInstallation=file://"$profile" --headless --convert-to xls:"MS Excel 97" --outdir "$out/libreoffice" "$f" >/dev/null
done
ls -l "$out"/*

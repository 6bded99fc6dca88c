#!/usr/bin/env bash
# Makes the submitter-identity fixtures of tests/Consolidator.Core.Tests/Data/Identity once, so the
# tests need neither Python nor LibreOffice: scripts/make-identity-fixtures.py writes the workbooks
# with openpyxl (openpyxl/), then LibreOffice headless opens and saves three of them again, as a
# person saving in Calc would (libreoffice/: .xlsx, and one as BIFF8 .xls). Needs python3 with
# openpyxl and soffice. Run from anywhere; commit the files it writes.
set -euo pipefail
cd "$(dirname "$0")/.."
out=tests/Consolidator.Core.Tests/Data/Identity
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
rm -rf "$out"
mkdir -p "$out/libreoffice"
/usr/bin/python3 scripts/make-identity-fixtures.py "$out/openpyxl"
profile="$work/lo-profile"
for name in 高橋_所属なし 兼用_あさひ電算; do
  soffice -env:UserInstallation=file://"$profile" --headless --convert-to xlsx:"Calc MS Excel 2007 XML" --outdir "$out/libreoffice" "$out/openpyxl/$name.xlsx" >/dev/null
done
soffice -env:UserInstallation=file://"$profile" --headless --convert-to xls:"MS Excel 97" --outdir "$out/libreoffice" "$out/openpyxl/高橋_分野2.xlsx" >/dev/null
ls -l "$out"/*

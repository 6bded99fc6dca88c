#!/usr/bin/python3
"""Makes the binary fixtures of this folder once, with LibreOffice through UNO.

    /usr/bin/python3 tests/Consolidator.Core.Tests/Data/Hostile/make-fixtures.py

Needs LibreOffice Calc (soffice) with its Python bridge (python3-uno) and pdftoppm (poppler-utils); the tests themselves need
neither, they read the committed files. Every file starts from the seed auditor's checklist
(チェックリスト_監査人.xlsx, regenerated with tools/Consolidator.Samples) and is saved the way an
office application saves it:

  seed-checklist.xls    the checklist as Excel 97-2003 (BIFF8), the base of the .xls fuzz cases
  encrypted.xlsx        password-protected .xlsx: ECMA-376 standard encryption in a compound file
  encrypted.xls         password-protected .xls: BIFF8 with a FILEPASS record (RC4)
  ods-renamed.xlsx      an OpenDocument spreadsheet named .xlsx
  pdf-renamed.xlsx      a PDF export of the checklist named .xlsx
  png-renamed.xlsx      a PNG image of the printed checklist (pdftoppm) named .xlsx
  jpeg-renamed.xlsx     a JPEG image of the printed checklist (pdftoppm) named .xlsx
"""
import os, subprocess, sys, tempfile, time
import uno
from com.sun.star.beans import PropertyValue, NamedValue

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
PASSWORD = "secret"


def prop(name, value):
    p = PropertyValue()
    p.Name, p.Value = name, value
    return p


def named(name, value):
    v = NamedValue()
    v.Name, v.Value = name, value
    return v


def url(path):
    return uno.systemPathToFileUrl(os.path.abspath(path))


def main():
    work = tempfile.mkdtemp(prefix="hostile-fixtures-")
    subprocess.run(["dotnet", "run", "--project", os.path.join(REPO, "tools", "Consolidator.Samples"), "--", work],
                   check=True, stdout=subprocess.DEVNULL)
    seed = os.path.join(work, "チェックリスト_監査人.xlsx")
    pipe = "consolidator-fixtures-%d" % os.getpid()
    office = subprocess.Popen(["soffice", "--headless", "--invisible", "--norestore", "--nologo",
                               "-env:UserInstallation=" + url(os.path.join(work, "profile")),
                               "--accept=pipe,name=%s;urp;" % pipe],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    desktop = None
    try:
        local = uno.getComponentContext()
        resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
        ctx = None
        for _ in range(120):
            try:
                ctx = resolver.resolve("uno:pipe,name=%s;urp;StarOffice.ComponentContext" % pipe)
                break
            except Exception:
                time.sleep(0.5)
        if ctx is None:
            sys.exit("LibreOffice did not start")
        desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)

        def store(doc, name, filter_name, *extra):
            uno.invoke(doc, "storeToURL", (url(os.path.join(HERE, name)), (prop("FilterName", filter_name),) + extra))

        calc = desktop.loadComponentFromURL(url(seed), "_blank", 0, (prop("Hidden", True),))
        store(calc, "seed-checklist.xls", "MS Excel 97")
        # OOXML encryption is asked for with EncryptionData; "Standard" is ECMA-376 standard encryption.
        store(calc, "encrypted.xlsx", "Calc MS Excel 2007 XML",
              prop("EncryptionData", uno.Any("[]com.sun.star.beans.NamedValue",
                                             (named("OOXPassword", PASSWORD), named("CryptoType", "Standard")))))
        store(calc, "encrypted.xls", "MS Excel 97", prop("Password", PASSWORD))
        store(calc, "ods-renamed.xlsx", "calc8")
        store(calc, "pdf-renamed.xlsx", "calc_pdf_Export")
        calc.close(True)
    finally:
        if desktop is not None:
            try:
                desktop.terminate()
            except Exception:
                pass
        try:
            office.wait(60)
        except subprocess.TimeoutExpired:
            office.kill()
    # Images of the printed checklist, as a scanner or a screenshot would send them.
    pdf = os.path.join(HERE, "pdf-renamed.xlsx")
    for fmt, name in (("-png", "png-renamed"), ("-jpeg", "jpeg-renamed")):
        subprocess.run(["pdftoppm", fmt, "-r", "40", "-singlefile", pdf, os.path.join(work, name)], check=True)
        ext = ".png" if fmt == "-png" else ".jpg"
        os.replace(os.path.join(work, name + ext), os.path.join(HERE, name + ".xlsx"))
    for name in sorted(os.listdir(HERE)):
        if not name.endswith(".py") and not name.endswith(".md"):
            print("%8d  %s" % (os.path.getsize(os.path.join(HERE, name)), name))


if __name__ == "__main__":
    main()

#!/usr/bin/python3
"""Makes the fixtures of this folder once: the shapes of files from other spreadsheet libraries'
test suites that Consolidator once read wrongly (issue: every file read, or refused for its true
reason), each rebuilt from the seed auditor's checklist so that the tests can assert its items.

    /usr/bin/python3 tests/Consolidator.Core.Tests/Data/Peers/make-fixtures.py

Needs LibreOffice Calc (soffice) with its Python bridge (python3-uno) and olefile; the tests need
neither. The peer file each one reproduces is named in README.md beside this script. What is
not written by LibreOffice is rewritten here from what LibreOffice wrote, at the level of zip
entries, XML namespaces, BIFF records and compound-file streams, as the writer of the peer file did.
"""
import io, os, struct, subprocess, sys, tempfile, time, zipfile
import olefile
import uno
from com.sun.star.beans import PropertyValue, NamedValue

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
DEFAULT_PASSWORD = "VelvetSweatshop"  # Excel's built-in password: opens without a prompt
LONG_TEXT = "監査証跡" * 2500          # 10,000 characters: a formula's cached string over one BIFF record


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


# ---------------------------------------------------------------- LibreOffice

def office_files(work, seed):
    """What LibreOffice writes: BIFF8, BIFF5, encrypted .xls/.xlsx, and a BIFF8 with a long formula string."""
    out = {}
    pipe = "consolidator-peer-fixtures-%d" % os.getpid()
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
            path = os.path.join(work, name)
            uno.invoke(doc, "storeToURL", (url(path), (prop("FilterName", filter_name),) + extra))
            out[name] = open(path, "rb").read()

        calc = desktop.loadComponentFromURL(url(seed), "_blank", 0, (prop("Hidden", True),))
        store(calc, "biff8.xls", "MS Excel 97")
        store(calc, "default-password.xls", "MS Excel 97", prop("Password", DEFAULT_PASSWORD))
        # "Standard" asks for ECMA-376 standard encryption (LibreOffice writes no Agile encryption).
        store(calc, "default-password-standard.xlsx", "Calc MS Excel 2007 XML",
              prop("EncryptionData", uno.Any("[]com.sun.star.beans.NamedValue",
                                             (named("OOXPassword", DEFAULT_PASSWORD), named("CryptoType", "Standard")))))
        # A sheet whose one formula gives a string longer than a BIFF record holds.
        sheets = calc.getSheets()
        sheets.insertNewByName("メモ", sheets.getCount())
        sheets.getByName("メモ").getCellByPosition(0, 0).setFormula('=REPT("監査証跡";2500)')
        calc.calculateAll()
        store(calc, "long-formula-string.xls", "MS Excel 97")
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
    return out


# ---------------------------------------------------------------- BIFF records

def records(stream):
    """(offset, type, data) of every record up to the zeros that pad the stream."""
    found, off = [], 0
    while off + 4 <= len(stream):
        t, n = struct.unpack_from("<HH", stream, off)
        if t == 0 and n == 0 and not stream[off:].strip(b"\0"):
            break
        found.append((off, t, stream[off + 4:off + 4 + n]))
        off += 4 + n
    return found


def assemble(recs):
    """Writes records back, moving each BOUNDSHEET's offset of its sheet with what moved before it."""
    moved, out, sheets = {}, bytearray(), []
    for off, t, data in recs:
        if off is not None:
            moved[off] = len(out)
        if t == 0x0085:
            sheets.append(len(out))
        out += struct.pack("<HH", t, len(data)) + data
    for at in sheets:
        old = struct.unpack_from("<I", out, at + 4)[0]
        struct.pack_into("<I", out, at + 4, moved[old])
    return bytes(out)


def workbook_stream(xls):
    ole = olefile.OleFileIO(io.BytesIO(xls))
    name = "Workbook" if ole.exists("Workbook") else "Book"
    return ole.openstream(name).read()


def with_zero_records(stream):
    """A report generator's habit (Crystal Reports, POI's BOOK_in_capitals.xls): an empty record of type 0 after each record."""
    recs = []
    for off, t, data in records(stream):
        recs.append((off, t, data))
        if t not in (0x000A,):
            recs.append((None, 0x0000, b""))
    return assemble(recs)


def with_flag_only_continue(stream):
    """
    The shared-string table split so that one CONTINUE holds only the option byte of a string's
    characters and no character (ExcelDataReader's Test_git_issue_467_sst_empty_continue.xls).
    """
    recs = records(stream)
    i = next(k for k, r in enumerate(recs) if r[1] == 0x00FC)
    j = i + 1
    while j < len(recs) and recs[j][1] == 0x003C:
        j += 1
    strings = read_sst(recs[i:j])
    total, unique = struct.unpack_from("<II", recs[i][2], 0)
    # The longest wide (Japanese) string is split: its header and first character in the SST, then
    # a CONTINUE with only the option byte, then a CONTINUE with the option byte and the rest.
    target = max(range(len(strings)), key=lambda k: len(strings[k]) if any(ord(c) > 255 for c in strings[k]) else -1)
    head = bytearray(struct.pack("<II", total, unique))
    for s in strings[:target]:
        head += encode_string(s)
    s = strings[target]
    head += struct.pack("<HB", len(s), 1) + s[0].encode("utf-16-le")
    rest = bytearray(b"\x01" + s[1:].encode("utf-16-le"))
    for t in strings[target + 1:]:
        rest += encode_string(t)
    if len(head) > 8224:
        sys.exit("the chosen string starts past the first SST record")
    parts = [(recs[i][0], 0x00FC, bytes(head)), (None, 0x003C, b"\x01")]
    while rest:
        # Each further CONTINUE ends on a whole string; these strings are short.
        cut = min(len(rest), 8224)
        parts.append((None, 0x003C, bytes(rest[:cut])))
        rest = rest[cut:]
    if len(parts) > 3:
        sys.exit("the strings after the split do not fit one CONTINUE")
    out = recs[:i] + parts + recs[j:]
    # EXTSST (string offsets for lookup) is rebuilt by no reader here; drop what would mislead.
    out = [r for r in out if r[1] != 0x00FF]
    return assemble(out)


def with_sheet_offset_past_bof(stream):
    """ExcelDataReader's Test_git_issue624.xls: the BOUNDSHEET points at the record after its sheet's BOF."""
    out = bytearray(stream)
    for off, t, data in records(stream):
        if t == 0x0085:
            at = struct.unpack_from("<I", data, 0)[0]
            length = struct.unpack_from("<H", stream, at + 2)[0]
            struct.pack_into("<I", out, off + 4, at + 4 + length)
    return bytes(out)


def read_sst(sst_records):
    """The strings of an SST and its CONTINUEs ([MS-XLS] 2.5.293), for plain and rich strings alike."""
    datas = [r[2] for r in sst_records]
    rec, pos = 0, 8
    total = struct.unpack_from("<I", datas[0], 4)[0]
    strings = []

    def take(n):
        nonlocal rec, pos
        out = b""
        while n > 0:
            if pos >= len(datas[rec]):
                rec, pos = rec + 1, 0
            k = min(n, len(datas[rec]) - pos)
            out += datas[rec][pos:pos + k]
            pos += k
            n -= k
        return out

    for _ in range(total):
        if pos >= len(datas[rec]):
            rec, pos = rec + 1, 0
        cch, flags = struct.unpack("<HB", take(3))
        runs = struct.unpack("<H", take(2))[0] if flags & 0x08 else 0
        ext = struct.unpack("<I", take(4))[0] if flags & 0x04 else 0
        wide, chars = flags & 1, []
        while len(chars) < cch:
            if pos >= len(datas[rec]):
                rec, pos = rec + 1, 0
                wide = datas[rec][0] & 1
                pos = 1
                continue
            if wide:
                chars.append(take(2).decode("utf-16-le"))
            else:
                chars.append(chr(take(1)[0]))
        take(4 * runs + ext)
        strings.append("".join(chars))
    return strings


def encode_string(s):
    return struct.pack("<HB", len(s), 1) + s.encode("utf-16-le")


# ---------------------------------------------------------------- old BIFF versions, written here

# A small checklist: LibreOffice no longer writes Excel 5.0/95 or 2.x, so these are written record
# by record as those versions of Excel wrote them ([MS-XLS] for BIFF5, the BIFF2 records of its
# predecessors' documentation), text in the Japanese code page (932) that their CODEPAGE names.
OLD_ROWS = [
    ["対象業務", "庶務事務システム"],
    ["年度", "令和5年度"],
    ["区分", "監査人"],
    ["監査人", "情報 太郎"],
    [],
    ["No.", "監査項目", "判定", "指摘内容"],
    [1, "情報セキュリティポリシーが定められている", "〇", ""],
    [2, "パスワードが定期的に変更されている", "×", "変更されていない"],
    [3, "外部記録媒体が管理されている", "―", ""],
]


def rec(t, data):
    return struct.pack("<HH", t, len(data)) + data


def excel95_stream():
    """An Excel 5.0/95 workbook stream (BIFF5): globals with CODEPAGE 932 and one BOUNDSHEET, then the sheet."""
    name = "チェックリスト".encode("cp932")
    sheet = bytearray(rec(0x0809, struct.pack("<HHHH", 0x0500, 0x0010, 0x0DBB, 0x07CC)))
    sheet += rec(0x0200, struct.pack("<HHHHH", 0, len(OLD_ROWS), 0, 4, 0))
    for r, row in enumerate(OLD_ROWS):
        for c, value in enumerate(row):
            if value == "":
                continue
            if isinstance(value, int):
                sheet += rec(0x0203, struct.pack("<HHHd", r, c, 0, float(value)))
            else:
                text = value.encode("cp932")
                sheet += rec(0x0204, struct.pack("<HHHH", r, c, 0, len(text)) + text)
    sheet += rec(0x000A, b"")
    head = rec(0x0809, struct.pack("<HHHH", 0x0500, 0x0005, 0x0DBB, 0x07CC)) + rec(0x0042, struct.pack("<H", 932))
    bound_length = 4 + 4 + 2 + 1 + len(name)
    globals_length = len(head) + bound_length + 4
    bound = rec(0x0085, struct.pack("<IBBB", globals_length, 0, 0, len(name)) + name)
    return bytes(head + bound + rec(0x000A, b"") + sheet)


def excel2_file():
    """An Excel 2.x worksheet: a bare BIFF2 stream, no compound file, as Excel 2.1 saved one."""
    out = bytearray(rec(0x0009, struct.pack("<HH", 0x0002, 0x0010)))
    out += rec(0x0042, struct.pack("<H", 932))
    out += rec(0x0000, struct.pack("<HHHH", 0, len(OLD_ROWS), 0, 4))
    for r, row in enumerate(OLD_ROWS):
        for c, value in enumerate(row):
            if value == "":
                continue
            if isinstance(value, int):
                out += rec(0x0003, struct.pack("<HH", r, c) + b"\0\0\0" + struct.pack("<d", float(value)))
            else:
                text = value.encode("cp932")
                out += rec(0x0004, struct.pack("<HH", r, c) + b"\0\0\0" + struct.pack("<B", len(text)) + text)
    out += rec(0x000A, b"")
    return bytes(out)


# ---------------------------------------------------------------- compound files

def compound_file(streams, slack=()):
    """
    A compound file (version 3, 512-byte sectors) of the given entries: a path "A" is a stream in
    the root, "S/A" a stream in storage S. A stream of 4,096 bytes or more is stored in regular
    sectors, a smaller one in the mini stream (64-byte sectors, held by the root entry), as the
    format requires. A stream named in slack gets one sector more in its chain than its size
    needs, as some writers leave it (POI's 45290.xls).
    """
    SECTOR, MINI, FREE, END, FATSECT = 512, 64, 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD
    data, fat, starts = bytearray(), [], {}

    def put(body):
        body = body + b"\0" * (-len(body) % SECTOR)
        first = len(fat)
        n = len(body) // SECTOR
        fat.extend([first + k + 1 for k in range(n - 1)] + [END])
        data.extend(body)
        return first

    ministream, minifat = bytearray(), []
    for path, body in streams:
        if len(body) >= 4096:
            starts[path] = (put(body + (b"\0" * (-len(body) % SECTOR + SECTOR) if path in slack else b"")), len(body))
        else:
            first = len(minifat)
            n = max(1, -(-len(body) // MINI))
            minifat += [first + k + 1 for k in range(n - 1)] + [END]
            ministream += body + b"\0" * (n * MINI - len(body))
            starts[path] = (first, len(body))
    root_start, minifat_start, minifat_sectors = END, END, 0
    if ministream:
        root_start = put(bytes(ministream))
        raw = struct.pack("<%dI" % len(minifat), *minifat)
        raw += struct.pack("<I", FREE) * (-(len(raw) // 4) % (SECTOR // 4))
        minifat_start = put(raw)
        minifat_sectors = len(raw) // SECTOR
    # Directory: root, then each storage, then each stream. The children of a storage form its
    # tree, here a chain of right siblings in the order the format sorts names (length, then case-blind).
    storages = sorted({p.split("/")[0] for p, _ in streams if "/" in p})
    entries = [("Root Entry", 5, root_start, len(ministream))] + [(s, 1, 0, 0) for s in storages]
    children = {0: []}
    for k, s in enumerate(storages):
        children[1 + k] = []
        children[0].append(1 + k)
    for k, (path, _) in enumerate(streams):
        first, size = starts[path]
        entries.append((path.split("/")[-1], 2, first, size))
        parent = 1 + storages.index(path.split("/")[0]) if "/" in path else 0
        children[parent].append(len(entries) - 1)
    right, child_of = {}, {}
    for parent, kids in children.items():
        kids.sort(key=lambda k: (len(entries[k][0]), entries[k][0].upper()))
        child_of[parent] = kids
        for a, b in zip(kids, kids[1:]):
            right[a] = b
    directory = bytearray()
    dir_start = len(fat)
    for k, (name, kind, start, size) in enumerate(entries):
        raw = (name + "\0").encode("utf-16-le")
        e = bytearray(128)
        e[0:len(raw)] = raw
        struct.pack_into("<H", e, 64, len(raw))
        e[66], e[67] = kind, 1
        kids = child_of.get(k, [])
        struct.pack_into("<III", e, 68, FREE, right.get(k, FREE), kids[0] if kids else FREE)
        struct.pack_into("<II", e, 116, start, size)
        directory += e
    directory += b"\0" * (-len(directory) % SECTOR)
    n = len(directory) // SECTOR
    fat += [dir_start + k + 1 for k in range(n - 1)] + [END]
    data += directory
    # The FAT itself, in as many sectors as it needs (each marks itself FATSECT).
    fat_sectors = 1
    while (len(fat) + fat_sectors) > fat_sectors * 128:
        fat_sectors += 1
    first_fat = len(fat)
    fat += [FATSECT] * fat_sectors
    fat += [FREE] * (fat_sectors * 128 - len(fat))
    fat_bytes = struct.pack("<%dI" % len(fat), *fat)
    header = bytearray(512)
    header[0:8] = bytes([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1])
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIII", header, 0x2C, fat_sectors, dir_start, 0, 4096)
    struct.pack_into("<III", header, 0x3C, minifat_start, minifat_sectors, END)
    struct.pack_into("<I", header, 0x48, 0)
    for k in range(109):
        struct.pack_into("<I", header, 0x4C + 4 * k, first_fat + k if k < fat_sectors else FREE)
    return bytes(header + data + fat_bytes)


# ---------------------------------------------------------------- OOXML packages

STRICT = [
    ("http://schemas.openxmlformats.org/spreadsheetml/2006/main", "http://purl.oclc.org/ooxml/spreadsheetml/main"),
    ("http://schemas.openxmlformats.org/officeDocument/2006/relationships", "http://purl.oclc.org/ooxml/officeDocument/relationships"),
    ("http://schemas.openxmlformats.org/drawingml/2006/main", "http://purl.oclc.org/ooxml/drawingml/main"),
]


def rewrite_zip(xlsx, change):
    """A copy of a package, each entry passed through change(name, bytes) -> [(name, bytes)]."""
    src = zipfile.ZipFile(io.BytesIO(xlsx))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            for name, body in change(info.filename, src.read(info.filename)):
                dst.writestr(zipfile.ZipInfo(name, date_time=(2023, 10, 24, 9, 0, 0)), body, zipfile.ZIP_DEFLATED)
    return out.getvalue()


def strict(xlsx):
    """Excel's "Strict Open XML Spreadsheet": the same parts in the ISO/IEC 29500 Strict namespaces."""
    def change(name, body):
        if name.endswith(".xml") or name.endswith(".rels"):
            text = body.decode("utf-8")
            for transitional, strict_ns in STRICT:
                text = text.replace(transitional, strict_ns)
            if name == "xl/workbook.xml":
                text = text.replace("<workbook ", '<workbook conformance="strict" ', 1)
            body = text.encode("utf-8")
        return [(name, body)]
    return rewrite_zip(xlsx, change)


def moved_parts(xlsx):
    """
    SheetJS's wtf_path.xlsx: the workbook in a folder of its own name ("wtf/"), found only through
    _rels/.rels and [Content_Types].xml, and a column definition without a width.
    """
    def change(name, body):
        if name.startswith("xl/"):
            name = "wtf/" + name[3:]
        if name in ("_rels/.rels", "[Content_Types].xml"):
            body = body.replace(b"/xl/", b"/wtf/").replace(b'"xl/', b'"wtf/')
        if name.startswith("wtf/worksheets/sheet1.xml"):
            body = body.replace(b"<sheetData", b'<cols><col min="30" max="30" hidden="1"/></cols><sheetData', 1) \
                if b"<cols>" not in body else body.replace(b"<cols>", b'<cols><col min="30" max="30" hidden="1"/>', 1)
        return [(name, body)]
    return rewrite_zip(xlsx, change)


def root_parts(xlsx):
    """ExcelDataReader's Test_git_issue_629.xlsx: every part at the package root, no xl/ folder."""
    def change(name, body):
        if name.startswith("xl/"):
            name = name[3:].replace("worksheets/", "")
        if name == "_rels/workbook.xml.rels":
            body = body.replace(b"worksheets/", b"")
        if name in ("_rels/.rels", "[Content_Types].xml"):
            body = body.replace(b"/xl/worksheets/", b"/").replace(b"/xl/", b"/").replace(b'"xl/', b'"')
        return [(name, body)]
    return rewrite_zip(xlsx, change)


def backslashes(xlsx):
    """Zip entry names with backslashes, as some Windows zip writers store them."""
    return rewrite_zip(xlsx, lambda name, body: [(name.replace("/", "\\"), body)])


# ---------------------------------------------------------------- Agile encryption

def agile_encrypted(package, password):
    """
    A package encrypted as Excel 2010 and later encrypt ([MS-OFFCRYPTO] 2.3.4.10-2.3.4.15, Agile:
    AES-256-CBC, SHA-512, 100,000 iterations), in a compound file of EncryptionInfo and
    EncryptedPackage, with the data-integrity HMAC Excel writes.
    """
    import base64, hashlib, hmac
    from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

    def aes_cbc(key, iv, data):
        e = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
        return e.update(data) + e.finalize()

    def pad(data, n=16):
        return data + b"\0" * (-len(data) % n)

    sha = lambda b: hashlib.sha512(b).digest()
    salt_key, salt_data = bytes(range(16)), bytes(range(16, 32))   # fixed: the fixture is reproducible
    secret = bytes(range(32, 64))                                  # the package key
    h = sha(salt_key + password.encode("utf-16-le"))
    for i in range(100000):
        h = sha(struct.pack("<I", i) + h)
    key = lambda block: sha(h + block)[:32]
    verifier = bytes(range(64, 80))
    enc_input = aes_cbc(key(bytes([0xFE, 0xA7, 0xD2, 0x76, 0x3B, 0x4B, 0x9E, 0x79])), salt_key, verifier)
    enc_hash = aes_cbc(key(bytes([0xD7, 0xAA, 0x0F, 0x6D, 0x30, 0x61, 0x34, 0x4E])), salt_key, sha(verifier))
    enc_key = aes_cbc(key(bytes([0x14, 0x6E, 0x0B, 0xE7, 0xAB, 0xAC, 0xD0, 0xD6])), salt_key, secret)

    body = bytearray(struct.pack("<Q", len(package)))
    for i in range(0, len(package), 4096):
        iv = sha(salt_data + struct.pack("<I", i // 4096))[:16]
        body += aes_cbc(secret, iv, pad(package[i:i + 4096]))
    hmac_key = bytes(range(80, 144))
    iv1 = sha(salt_data + bytes([0x5F, 0xB2, 0xAD, 0x01, 0x0C, 0xB9, 0xE1, 0xF6]))[:16]
    iv2 = sha(salt_data + bytes([0xA0, 0x67, 0x7F, 0x02, 0xB2, 0x2C, 0x84, 0x33]))[:16]
    enc_hmac_key = aes_cbc(secret, iv1, hmac_key)
    enc_hmac_value = aes_cbc(secret, iv2, hmac.new(hmac_key, bytes(body), hashlib.sha512).digest())
    b64 = lambda b: base64.b64encode(b).decode("ascii")
    xml = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
           '<encryption xmlns="http://schemas.microsoft.com/office/2006/encryption" '
           'xmlns:p="http://schemas.microsoft.com/office/2006/keyEncryptor/password">'
           '<keyData saltSize="16" blockSize="16" keyBits="256" hashSize="64" cipherAlgorithm="AES" '
           'cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="%s"/>'
           '<dataIntegrity encryptedHmacKey="%s" encryptedHmacValue="%s"/>'
           '<keyEncryptors><keyEncryptor uri="http://schemas.microsoft.com/office/2006/keyEncryptor/password">'
           '<p:encryptedKey spinCount="100000" saltSize="16" blockSize="16" keyBits="256" hashSize="64" '
           'cipherAlgorithm="AES" cipherChaining="ChainingModeCBC" hashAlgorithm="SHA512" saltValue="%s" '
           'encryptedVerifierHashInput="%s" encryptedVerifierHashValue="%s" encryptedKeyValue="%s"/>'
           '</keyEncryptor></keyEncryptors></encryption>') % (
        b64(salt_data), b64(enc_hmac_key), b64(enc_hmac_value), b64(salt_key), b64(enc_input), b64(enc_hash), b64(enc_key))
    info = struct.pack("<HHI", 4, 4, 0x40) + xml.encode("utf-8")
    return compound_file([("EncryptionInfo", info), ("EncryptedPackage", bytes(body))])


# ---------------------------------------------------------------- main

def main():
    work = tempfile.mkdtemp(prefix="peer-fixtures-")
    subprocess.run(["dotnet", "run", "--project", os.path.join(REPO, "tools", "Consolidator.Samples"), "--", work],
                   check=True, stdout=subprocess.DEVNULL)
    seed = os.path.join(work, "チェックリスト_監査人.xlsx")
    xlsx = open(seed, "rb").read()
    office = office_files(work, seed)
    biff8 = workbook_stream(office["biff8.xls"])
    biff5 = excel95_stream()
    files = {
        "strict-open-xml.xlsx": strict(xlsx),
        "parts-in-another-folder.xlsx": moved_parts(xlsx),
        "parts-at-the-root.xlsx": root_parts(xlsx),
        "backslash-part-names.xlsx": backslashes(xlsx),
        "default-password-standard.xlsx": office["default-password-standard.xlsx"],
        "default-password-agile.xlsx": agile_encrypted(xlsx, DEFAULT_PASSWORD),
        "default-password.xls": office["default-password.xls"],
        "excel-95.xls": compound_file([("Book", biff5)]),
        "excel-2-worksheet.xls": excel2_file(),
        # Excel 95's "Book" in the root, and an embedded object's "Workbook" (a chart's data sheet,
        # here an empty BIFF8 workbook) in a storage: ExcelDataReader's Test_git_issue_411.xls.
        "embedded-workbook-stream.xls": compound_file([
            ("Book", biff5),
            ("MBD0000A1B2/Workbook", workbook_stream(empty_workbook_xls(office))),
        ]),
        "book-in-capitals-with-zero-records.xls": compound_file([("BOOK", with_zero_records(biff8))]),
        "sst-flag-only-continue.xls": compound_file([("Workbook", with_flag_only_continue(biff8))]),
        "stream-chain-longer-than-size.xls": compound_file([("Workbook", biff8)], slack=("Workbook",)),
        "sheet-offset-past-bof.xls": compound_file([("Workbook", with_sheet_offset_past_bof(biff8))]),
        "long-formula-string.xls": office["long-formula-string.xls"],
    }
    for name, body in sorted(files.items()):
        with open(os.path.join(HERE, name), "wb") as f:
            f.write(body)
        print("%8d  %s" % (len(body), name))


def empty_workbook_xls(office):
    """A BIFF8 workbook whose one sheet holds no value: the seed's stream with its cell records removed."""
    stream = workbook_stream(office["biff8.xls"])
    cells = {0x00FD, 0x0203, 0x027E, 0x00BD, 0x0006, 0x0207, 0x0204, 0x0201, 0x00BE, 0x0205, 0x00E5}
    recs = [r for r in records(stream) if r[1] not in cells]
    return compound_file([("Workbook", assemble(recs))])


if __name__ == "__main__":
    main()

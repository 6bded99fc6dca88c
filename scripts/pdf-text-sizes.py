#!/usr/bin/env python3
"""Pages and text sizes per sheet of a result workbook printed to PDF by LibreOffice.

Usage: pdf-text-sizes.py FILE.pdf [SHEET ...]

The size of each piece of text is what lands on the paper: the font size of its Tf operator
times the vertical scale of the text matrix and of the transformation matrix in force (a sheet
shrunk to fit the page is drawn through a scaling cm). Pages are given to the sheet whose name
the page header starts with (the result workbook prints the sheet name at the top left, and its
pages come in the order of the sheets). Prints, per sheet: pages, the smallest text and the
smallest body text (header and footer left out), in points. Only the standard library is used:
the content streams are inflated with zlib and the operators read with a small tokenizer.
"""
import re
import subprocess
import sys
import zlib

NUMBER = re.compile(rb"[+-]?(?:\d+\.?\d*|\.\d+)")


def objects(data):
    """Every indirect object: number -> (dictionary bytes, stream bytes or None)."""
    found = {}
    for m in re.finditer(rb"(\d+)\s+0\s+obj\b", data):
        start = m.end()
        end = data.find(b"endobj", start)
        body = data[start:end]
        stream = None
        s = body.find(b"stream")
        if s >= 0:
            head = body[:s]
            raw = body[s + 6:]
            raw = raw[2:] if raw.startswith(b"\r\n") else raw[1:]
            length = re.search(rb"/Length\s+(\d+)(\s+0\s+R)?", head)
            if length and not length.group(2):
                raw = raw[: int(length.group(1))]
            else:
                raw = raw[: raw.rfind(b"endstream")]
            if b"/FlateDecode" in head:
                try:
                    raw = zlib.decompress(raw)
                except zlib.error:
                    raw = zlib.decompressobj().decompress(raw)
            stream = raw
            body = head
        found[int(m.group(1))] = (body, stream)
    return found


def refs(value):
    return [int(n) for n in re.findall(rb"(\d+)\s+0\s+R", value)]


def pages(objs):
    """Page objects in document order, following the page tree from the catalog."""
    root = next(b for b, _ in objs.values() if re.search(rb"/Type\s*/Catalog", b))
    top = refs(re.search(rb"/Pages\s+(\d+\s+0\s+R)", root).group(1))[0]
    order = []

    def walk(n):
        body = objs[n][0]
        if re.search(rb"/Type\s*/Pages", body):
            kids = re.search(rb"/Kids\s*\[([^\]]*)\]", body).group(1)
            for k in refs(kids):
                walk(k)
        else:
            order.append(n)

    walk(top)
    return order


def contents(objs, page):
    body = objs[page][0]
    m = re.search(rb"/Contents\s*(\[[^\]]*\]|\d+\s+0\s+R)", body)
    return b"\n".join(objs[n][1] or b"" for n in refs(m.group(1))) if m else b""


def tokens(stream):
    i, n = 0, len(stream)
    while i < n:
        c = stream[i:i + 1]
        if c in b" \t\r\n\f\x00":
            i += 1
        elif c == b"%":
            while i < n and stream[i:i + 1] not in b"\r\n":
                i += 1
        elif c == b"(":
            depth, i = 1, i + 1
            while i < n and depth:
                ch = stream[i:i + 1]
                if ch == b"\\":
                    i += 2
                    continue
                depth += 1 if ch == b"(" else -1 if ch == b")" else 0
                i += 1
            yield ("str", None)
        elif c == b"<" and stream[i:i + 2] != b"<<":
            i = stream.find(b">", i) + 1
            yield ("str", None)
        elif c in b"[]":
            i += 1
        elif c == b"/":
            m = re.match(rb"/[^\s/\[\]()<>{}%]*", stream[i:])
            i += len(m.group(0))
            yield ("name", m.group(0))
        elif c in b"<>":
            i += 2
        else:
            m = NUMBER.match(stream, i)
            if m and m.start() == i:
                i = m.end()
                yield ("num", float(m.group(0)))
            else:
                m = re.match(rb"[^\s/\[\]()<>{}%]+", stream[i:])
                if not m:
                    i += 1
                    continue
                i += len(m.group(0))
                yield ("op", m.group(0))


def mul(a, b):
    return [a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5]]


def sizes(stream):
    """(size on paper, y on the page) of every text shown."""
    ctm, stack, tm, tlm, font, operands, out = [1, 0, 0, 1, 0, 0], [], [1, 0, 0, 1, 0, 0], [1, 0, 0, 1, 0, 0], 0.0, [], []
    for kind, value in tokens(stream):
        if kind != "op":
            operands.append(value)
            continue
        op = value
        nums = [v for v in operands if isinstance(v, float)]
        if op == b"q":
            stack.append(ctm[:])
        elif op == b"Q" and stack:
            ctm = stack.pop()
        elif op == b"cm" and len(nums) >= 6:
            ctm = mul(nums[-6:], ctm)
        elif op == b"BT":
            tm, tlm = [1, 0, 0, 1, 0, 0], [1, 0, 0, 1, 0, 0]
        elif op == b"Tf" and nums:
            font = nums[-1]
        elif op == b"Tm" and len(nums) >= 6:
            tm = tlm = nums[-6:]
        elif op in (b"Td", b"TD") and len(nums) >= 2:
            tlm = mul([1, 0, 0, 1, nums[-2], nums[-1]], tlm)
            tm = tlm
        elif op in (b"Tj", b"TJ", b"'", b'"'):
            m = mul(tm, ctm)
            scale = (m[2] ** 2 + m[3] ** 2) ** 0.5
            out.append((round(font * scale, 2), m[5]))
        operands = []
    return out


def page_texts(path, count):
    texts = []
    for p in range(1, count + 1):
        t = subprocess.run(["pdftotext", "-f", str(p), "-l", str(p), "-layout", path, "-"], capture_output=True, text=True).stdout
        texts.append(t.strip().splitlines()[0].strip() if t.strip() else "")
    return texts


def main():
    path, names = sys.argv[1], sys.argv[2:]
    data = open(path, "rb").read()
    objs = objects(data)
    order = pages(objs)
    heads = page_texts(path, len(order))
    sheet, per = None, {}
    for n, head in zip(order, heads):
        match = next((s for s in names if head.startswith(s)), None)
        sheet = match or sheet or "?"
        media = re.search(rb"/MediaBox\s*\[\s*([\d.\s-]+)\]", objs[n][0]) or re.search(rb"/MediaBox\s*\[\s*([\d.\s-]+)\]", data)
        height = float(media.group(1).split()[3])
        found = sizes(contents(objs, n))
        # Header and footer sit in the top and bottom margins (0.6 in = 43 pt): body text is between.
        body = [s for s, y in found if 45 < y < height - 45 and s > 0]
        entry = per.setdefault(sheet, {"pages": 0, "min": None, "body": None})
        entry["pages"] += 1
        for key, values in (("min", [s for s, _ in found if s > 0]), ("body", body)):
            if values:
                entry[key] = min(values) if entry[key] is None else min(entry[key], min(values))
    for s in names or per:
        e = per.get(s, {"pages": 0, "min": None, "body": None})
        fmt = lambda v: "-" if v is None else f"{v:.1f}"
        print(f"  {s:<8} pages {e['pages']:>3}   smallest text {fmt(e['min']):>5} pt   smallest body text {fmt(e['body']):>5} pt")


if __name__ == "__main__":
    main()

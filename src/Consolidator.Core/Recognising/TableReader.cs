using Consolidator.Core.Model;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Recognising;

/// <summary>A row of a table read as an item: its id, the header it stands under and the categories above it.</summary>
internal sealed record ItemLine(int Row, HeaderRow Header, string Id, Field RawId, IReadOnlyList<string> Path, CellRef? PathCell, Field? Words);

/// <summary>The non-empty cells of each row of a sheet that are not the continuation of a merge begun elsewhere, found once for the readers that ask.</summary>
internal sealed class OwnCells(RawSheet sheet)
{
    private readonly List<(int Column, string Text)>?[] _rows = new List<(int Column, string Text)>?[sheet.RowCount + 1];

    public List<(int Column, string Text)> this[int row] => _rows[row] ??= TableReader.Own(sheet, row);
}

/// <summary>What one sheet's tables hold: item rows, every other non-empty row with its kind, the count of each kind, and its headers.</summary>
internal sealed record SheetTables(IReadOnlyList<ItemLine> Items, IReadOnlyList<TableRow> Others, RowCounts Counts, IReadOnlyList<HeaderRow> Headers);

/// <summary>
/// Accounts for every non-empty row below a header row (a row whose cells are all part of merges
/// begun above belongs to the row above it). Each is exactly one of:
/// <list type="bullet">
/// <item>a legend line (<see cref="LegendReader"/>);</item>
/// <item>a header row: repeated for printing, or starting a table with other columns, whose rows
/// are then read with its columns;</item>
/// <item>a note (※ …, 注:, Note:);</item>
/// <item>a section heading: an id cell holding a heading (【3】…, 第5章, "1.1.1: …", "5 技術的…", A, II)
/// or an id whose next rows number a level below it (V1 above 1.1, 1 above 1-1), with no judgment,
/// answer, finding or basis of its own; or a row holding one short text (or one cell merged across
/// the table) left of the judgment columns. Headings set the category path of the rows below;
/// a heading's level is its numbering style (【9】, 9, 9.9, A9, text) in order of first appearance;</item>
/// <item>an item: an id;</item>
/// <item>listed: anything else — a judgment, an answer or an item text without an id, a row whose
/// id cell is merged with the one above (the note names the item it continues) — with the reason.</item>
/// </list>
/// </summary>
internal static class TableReader
{
    private static readonly ColumnKind[] OwnContent =
        [ColumnKind.Judgment, ColumnKind.Answer, ColumnKind.Finding, ColumnKind.Recommendation, ColumnKind.AnswerDetail, ColumnKind.Evidence, ColumnKind.Basis];

    private enum Tentative { Candidate, Heading, Other }

    private sealed class Line
    {
        public required int Row;
        public required HeaderRow Header;
        public Tentative Kind;
        public RowKind OtherKind;
        public string Id = "";
        public Field? RawId;
        public Field? Words;
        public bool HasOwnContent;
        public int Level;
        public string HeadingText = "";
        public CellRef Cell = null!;
        public string Text = "";
        public List<(int Column, string Text)>? Own;
        public string ReasonJa = "";
        public string ReasonEn = "";
        public int Table;
    }

    public static SheetTables Read(string file, RawSheet sheet, HeaderRow first, Lexicon lexicon, Legend legend, OwnCells? cells = null)
    {
        cells ??= new OwnCells(sheet);
        var lines = new List<Line>();
        var headers = new List<HeaderRow> { first };
        var header = first;
        var table = 0;
        string? lastItem = null;
        for (var r = first.Row + 1; r <= sheet.RowCount; r++)
        {
            var own = cells[r];
            if (own.Count == 0) continue;
            var cell = new CellRef(file, sheet.Name, r, own[0].Column);
            Line Other(RowKind kind, string ja, string en) => new()
            {
                Row = r, Header = header, Kind = Tentative.Other, OtherKind = kind, Cell = cell, Text = Short(RowText(own)), ReasonJa = ja, ReasonEn = en, Table = table,
            };

            if (legend.Rows.Contains(r))
            {
                lines.Add(Other(RowKind.Legend, "判定の凡例", "a legend of the scale"));
                continue;
            }
            var idColumn = header.Column(ColumnKind.Id)!.Value;
            var idText = sheet[r, idColumn].Trim();
            var normalised = ItemIds.Normalise(idText);
            var isId = ItemIds.IsIdToken(normalised);
            // A header row below holds header names, never an id in the id column: only such rows are matched.
            if (!isId && HeaderFinder.Match(sheet, r, lexicon) is { } again && IsHeaderBelow(sheet, r, again, header, own))
            {
                if (again.SameColumns(header))
                {
                    lines.Add(Other(RowKind.Header, "見出し行の繰り返し（印刷用）", "the header row repeated (for printing)"));
                }
                else
                {
                    header = again;
                    headers.Add(again);
                    table++;
                    lines.Add(Other(RowKind.Header, "新しい表の見出し行：以下の行はこの列で読み取り", "a new header row: the rows below are read with its columns"));
                }
                continue;
            }
            if (header.IdByContent is not null && RepeatsHeader(sheet, r, header))
            {
                lines.Add(Other(RowKind.Header, "見出し行の繰り返し（印刷用）", "the header row repeated (for printing)"));
                continue;
            }

            var idFollower = sheet.IsMergeFollower(r, idColumn);
            // The id cell merged with the one above (not a heading merged across the row).
            var idContinues = idFollower && sheet.Merges.Any(m => m.Contains(r, idColumn) && m.FirstRow < r);
            var idOwn = idText.Length > 0 && !idFollower;
            var hasOwnContent = HasOwnContent(sheet, r, header);

            if (!(idOwn && isId) && IsNote(own[0].Text))
            {
                lines.Add(Other(RowKind.Note, "注記", "a note"));
                continue;
            }

            if (idOwn)
            {
                var rawId = new Field(idText, new CellRef(file, sheet.Name, r, idColumn));
                var split = ItemIds.SplitHeading(idText);
                if (isId)
                {
                    lines.Add(new Line { Row = r, Header = header, Kind = Tentative.Candidate, Id = normalised, RawId = rawId, HasOwnContent = hasOwnContent, Cell = rawId.Cell, Own = own, Table = table });
                    lastItem = normalised;
                    continue;
                }
                if (split is { } h && (ItemIds.IsIdToken(h.Id) || h.Style.StartsWith('第')))
                {
                    if (hasOwnContent && ItemIds.IsIdToken(h.Id))
                    {
                        // "1-1 パスワード管理" with a judgment: the item 1-1, its words its text.
                        var words = new Field(h.Words, rawId.Cell);
                        lines.Add(new Line { Row = r, Header = header, Kind = Tentative.Candidate, Id = h.Id, RawId = rawId, Words = words, HasOwnContent = true, Cell = rawId.Cell, Own = own, Table = table });
                        lastItem = h.Id;
                    }
                    else
                    {
                        lines.Add(Heading(r, header, Math.Max(1, ItemIds.Numbers(h.Id).Count), RowText(own), cell, table));
                    }
                    continue;
                }
                if (!hasOwnContent && IsSectionLetters(normalised))
                {
                    lines.Add(Heading(r, header, 1, RowText(own), cell, table));
                    continue;
                }
                if (ItemIds.LooksLikeId(normalised))
                {
                    // An id of an unusual shape (5.1（重要）): read as an item, so a wrong id is named in 要確認.
                    lines.Add(new Line { Row = r, Header = header, Kind = Tentative.Candidate, Id = normalised, RawId = rawId, HasOwnContent = hasOwnContent, Cell = rawId.Cell, Own = own, Table = table });
                    lastItem = normalised;
                    continue;
                }
            }

            if (idContinues && idText.Length > 0 && lastItem is not null)
            {
                var (ja, en) = (
                    $"項目番号のセルが上の行と結合されており、項目 {lastItem} の続きの行と思われます。この行は集計していません。",
                    $"The id cell is merged with the row above: the row seems to continue item {lastItem}; it is not counted.");
                lines.Add(Listed(r, header, Content(sheet, r, header, file, own), RowText(own), ja, en, table));
                continue;
            }
            if (own.Count == 1 && IsHeadingCell(sheet, r, own[0], header))
            {
                lines.Add(Heading(r, header, 0, RowText(own), cell, table));
                continue;
            }
            var content = Content(sheet, r, header, file, own);
            var continues = idText.Length == 0 && lastItem is not null && lines.Count > 0 && lines[^1].Row == PreviousRow(sheet, r) &&
                (lines[^1].Kind == Tentative.Candidate || lines[^1].OtherKind == RowKind.Listed);
            var what = header.Column(ColumnKind.Judgment) is { } jc && sheet[r, jc].Trim().Length > 0 || header.Column(ColumnKind.Answer) is { } ac && sheet[r, ac].Trim().Length > 0
                ? ("判定又は回答が記入されていますが、項目番号がありません（項目番号なし）", "The row holds a judgment or answer but no item id (missing id)")
                : header.Column(ColumnKind.ItemText) is { } tc && sheet[r, tc].Trim().Length > 0
                    ? ("監査項目が記入されていますが、項目番号がありません（項目番号なし）", "The row holds an item text but no item id (missing id)")
                    : ("表の中の行ですが、項目・見出し・注記・凡例のいずれとしても読めません（項目番号なし）", "The row is in the table but reads as no item, heading, note or legend (missing id)");
            lines.Add(Listed(r, header, content, RowText(own),
                what.Item1 + (continues ? $"。すぐ上の項目 {lastItem} の続きの可能性があります" : "") + "。この行は集計していません。",
                what.Item2 + (continues ? $"; it may continue item {lastItem} above" : "") + "; the row is not counted.", table));
        }

        ResolveLevels(lines);
        return Walk(file, sheet, lines, headers);
    }

    /// <summary>An id with no content of its own whose next item numbers a level below it (V1 above 1.1) is a heading.</summary>
    private static void ResolveLevels(List<Line> lines)
    {
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Kind != Tentative.Candidate || line.HasOwnContent || line.Words is not null) continue;
            var next = lines.Skip(i + 1).FirstOrDefault(l => l.Kind == Tentative.Candidate || l.Table != line.Table);
            if (next is null || next.Table != line.Table || !ItemIds.Extends(line.Id, next.Id)) continue;
            line.Kind = Tentative.Heading;
            line.Level = Math.Max(1, ItemIds.Numbers(line.Id).Count);
            line.HeadingText = Short(RowText(line.Own!), 120);
            line.Text = Short(RowText(line.Own!));
        }
    }

    private static SheetTables Walk(string file, RawSheet sheet, List<Line> lines, List<HeaderRow> headers)
    {
        var items = new List<ItemLine>();
        var others = new List<TableRow>();
        var counts = RowCounts.Zero;
        var stack = new List<(int Level, bool Numbered, string Text, CellRef Cell)>();
        var carried = new SortedDictionary<int, (string Text, CellRef Cell)>();
        var table = 0;
        foreach (var line in lines)
        {
            if (line.Table != table)
            {
                table = line.Table;
                stack.Clear();
                carried.Clear();
            }
            switch (line.Kind)
            {
                case Tentative.Heading:
                    // A numbered heading's level is its depth (【2】, 5, V1: 1; 2.1: 2); a heading of text alone
                    // stands one below the numbered heading above it, and replaces a heading of text before it.
                    var level = line.Level > 0 ? line.Level : stack.Where(s => s.Numbered).Select(s => s.Level).DefaultIfEmpty(0).Max() + 1;
                    stack.RemoveAll(s => s.Level >= level);
                    stack.Add((level, line.Level > 0, line.HeadingText, line.Cell));
                    carried.Clear();
                    counts = counts.Add(RowKind.Heading);
                    others.Add(new TableRow(RowKind.Heading, line.Cell, line.HeadingText,
                        $"見出し（第 {level} 階層）：以下の項目の分類", $"a section heading (level {level}): the category of the items below"));
                    break;
                case Tentative.Candidate:
                    var path = stack.Count == 0 ? [] : stack.Select(s => s.Text).ToList();
                    CellRef? pathCell = stack.Count > 0 ? stack[^1].Cell : null;
                    foreach (var c in line.Header.CategoryColumns)
                    {
                        var text = Text.Collapsed(sheet[line.Row, c]);
                        if (text.Length > 0)
                        {
                            if (!carried.TryGetValue(c, out var old) || old.Text != text)
                                foreach (var finer in carried.Keys.Where(k => k > c).ToList()) carried.Remove(finer);
                            carried[c] = (text, new CellRef(file, sheet.Name, line.Row, c));
                        }
                    }
                    foreach (var (c, (text, cell)) in carried)
                    {
                        if (!line.Header.CategoryColumns.Contains(c)) continue;
                        if (path.Count > 0 && (path[^1] == text || path[^1].EndsWith(" " + text, StringComparison.Ordinal))) continue;
                        path.Add(text);
                        pathCell = cell;
                    }
                    items.Add(new ItemLine(line.Row, line.Header, line.Id, line.RawId!, path, pathCell, line.Words));
                    counts = counts.Add(RowKind.Item);
                    break;
                default:
                    counts = counts.Add(line.OtherKind);
                    others.Add(new TableRow(line.OtherKind, line.Cell, line.Text, line.ReasonJa, line.ReasonEn));
                    break;
            }
        }
        return new SheetTables(items, others, counts, headers);
    }

    /// <summary>A heading row; <paramref name="level"/> 0 for a heading of text alone.</summary>
    private static Line Heading(int row, HeaderRow header, int level, string text, CellRef cell, int table) => new()
    {
        Row = row, Header = header, Kind = Tentative.Heading, Level = level, HeadingText = Short(text, 120), Cell = cell, Text = Short(text), Table = table,
    };

    private static Line Listed(int row, HeaderRow header, CellRef cell, string text, string ja, string en, int table) => new()
    {
        Row = row, Header = header, Kind = Tentative.Other, OtherKind = RowKind.Listed, Cell = cell, Text = Short(text), ReasonJa = ja, ReasonEn = en, Table = table,
    };

    /// <summary>The cell a listed row is named by: its judgment, else its answer, else its item text, else its first cell.</summary>
    private static CellRef Content(RawSheet sheet, int row, HeaderRow header, string file, List<(int Column, string Text)> own)
    {
        foreach (var kind in new[] { ColumnKind.Judgment, ColumnKind.Answer, ColumnKind.ItemText })
            if (header.Column(kind) is { } c && sheet[row, c].Trim().Length > 0 && !sheet.IsMergeFollower(row, c))
                return new CellRef(file, sheet.Name, row, c);
        return new CellRef(file, sheet.Name, row, own[0].Column);
    }

    /// <summary>The row's text, its cells joined: for the rows that are no items (items are most rows, and need none).</summary>
    private static string RowText(List<(int Column, string Text)> own) =>
        Text.Collapsed(own.Count == 1 ? own[0].Text : string.Join(" ", own.Select(o => o.Text)));

    /// <summary>Whether the row holds a judgment, answer, finding, advice, detail, evidence or basis of its own (not merged from above).</summary>
    private static bool HasOwnContent(RawSheet sheet, int row, HeaderRow header)
    {
        foreach (var kind in OwnContent)
            if (header.Column(kind) is { } c && !string.IsNullOrWhiteSpace(sheet[row, c]) && !sheet.IsMergeFollower(row, c))
                return true;
        return false;
    }

    /// <summary>The non-empty cells of a row (as read) that are not the continuation of a merge begun elsewhere.</summary>
    internal static List<(int Column, string Text)> Own(RawSheet sheet, int row)
    {
        var cells = sheet.Row(row);
        var own = new List<(int, string)>(Math.Min(cells.Length, 16));
        for (var c = 0; c < cells.Length; c++)
        {
            if (string.IsNullOrWhiteSpace(cells[c]) || sheet.IsMergeFollower(row, c + 1)) continue;
            own.Add((c + 1, cells[c]));
        }
        return own;
    }

    private static int PreviousRow(RawSheet sheet, int row)
    {
        for (var r = row - 1; r >= 1; r--)
            if (sheet.Row(r).Any(c => !string.IsNullOrWhiteSpace(c))) return r;
        return 0;
    }

    /// <summary>
    /// A header row below the table: most of its cells are header names, and its id column holds no
    /// id (an item whose answer is "No" beside the text （監査項目） is not a header).
    /// </summary>
    private static bool IsHeaderBelow(RawSheet sheet, int row, HeaderRow candidate, HeaderRow current, List<(int Column, string Text)> own)
    {
        if (ItemIds.IsIdToken(ItemIds.Normalise(sheet[row, current.Column(ColumnKind.Id)!.Value]))) return false;
        var named = candidate.Columns.Count + candidate.CategoryColumns.Count - (candidate.Has(ColumnKind.Category) ? 1 : 0);
        return named >= 0.6 * own.Count;
    }

    /// <summary>A row repeating the header's texts in its columns (a header repeated for printing over a table whose id was found by content).</summary>
    private static bool RepeatsHeader(RawSheet sheet, int row, HeaderRow header)
    {
        var same = 0;
        foreach (var c in header.Columns.Values.Distinct())
        {
            var h = Text.HeaderKey(sheet[header.Row, c]);
            if (h.Length == 0) continue;
            if (Text.HeaderKey(sheet[row, c]) != h) return false;
            same++;
        }
        return same >= 2;
    }

    /// <summary>※ …, 注: …, (注) …, Note: … — a note, not an item.</summary>
    internal static bool IsNote(string text)
    {
        var t = Text.NfkcCollapsed(text);
        if (t.Length == 0) return false;
        if (t[0] is '※' or '*' or '＊' or '†') return true;
        return t.StartsWith("注)", StringComparison.Ordinal) || t.StartsWith("注:", StringComparison.Ordinal) || t.StartsWith("(注", StringComparison.Ordinal)
            || t.StartsWith("注記", StringComparison.Ordinal) || t.StartsWith("備考:", StringComparison.Ordinal)
            || t.StartsWith("Note:", StringComparison.OrdinalIgnoreCase) || t.StartsWith("Notes:", StringComparison.OrdinalIgnoreCase)
            || t.StartsWith("NB:", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A letter or roman numeral alone as an id (A, B, II, Ⅳ): a section, when the row has no judgment of its own.</summary>
    private static bool IsSectionLetters(string normalised) =>
        normalised.Length is >= 1 and <= 4 && normalised.All(char.IsAsciiLetter);

    /// <summary>
    /// A row's only cell as a heading: a short text that is not a sentence, standing left of the
    /// judgment and answer columns (in the id, category or item text column, or merged across them).
    /// </summary>
    private static bool IsHeadingCell(RawSheet sheet, int row, (int Column, string Text) cell, HeaderRow header)
    {
        var t = Text.NfkcCollapsed(cell.Text);
        if (t.Length is 0 or > 40 || t.EndsWith('。') || t.EndsWith('.') || t.EndsWith('?') || t.EndsWith('か')) return false;
        if (JudgmentScale.IsPendingSpelling(t) || ItemIds.IsIdToken(ItemIds.Normalise(t))) return false;
        var spansSeveral = sheet.Merges.Any(m => m.FirstRow == row && m.FirstColumn == cell.Column && m.LastColumn > m.FirstColumn);
        if (spansSeveral) return true;
        // Left of the columns that hold what is judged and answered: up to the item text, else up to the first of those.
        var id = header.Column(ColumnKind.Id)!.Value;
        var valued = new[] { ColumnKind.Judgment, ColumnKind.Answer, ColumnKind.Finding, ColumnKind.Recommendation, ColumnKind.AnswerDetail, ColumnKind.Evidence, ColumnKind.Remarks, ColumnKind.Basis }
            .Select(header.Column).OfType<int>().Where(c => c > id).DefaultIfEmpty(int.MaxValue).Min();
        var limit = header.Column(ColumnKind.ItemText) ?? valued - 1;
        var judging = new[] { header.Column(ColumnKind.Judgment), header.Column(ColumnKind.Answer) }.OfType<int>();
        return cell.Column <= limit && !judging.Contains(cell.Column);
    }

    private static string Short(string text, int max = 80) => text.Length <= max ? text : text[..(max - 1)] + "…";
}

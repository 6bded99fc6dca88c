using System.Runtime.CompilerServices;
using System.Text;
using Consolidator.Core.Normalising;

namespace Consolidator.Core.Model;

/// <summary>
/// Where submissions' rows wait between reading and merging: a temporary file, deleted when
/// the spill is disposed. Every file of an inbox is read before any audit can be merged (a file's
/// audit is known only once it is read), so holding every row as objects would make memory grow
/// with the inbox — 480,000 rows take more than 500 MB. Parked, a submission keeps its metadata,
/// notes and counts in memory and its rows on disk (about 200 bytes a row); a consolidation
/// restores one audit's files at a time and lets them go once the audit is written.
/// Thread-safe: files are parked and restored from several threads at once.
/// </summary>
public sealed class RowSpill : IDisposable
{
    private readonly FileStream _file;
    private readonly Lock _gate = new();
    private readonly List<JudgmentClass> _classes = [];
    private readonly Dictionary<JudgmentClass, int> _classIndex = new(ReferenceEqualityComparer.Instance);
    private long _length;

    public RowSpill(string? folder = null)
    {
        var path = Path.Combine(folder ?? Path.GetTempPath(), $"consolidator-rows-{Guid.NewGuid():N}.tmp");
        _file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
    }

    /// <summary>The submission with its rows on disk; one without rows, or parked already, comes back as it is.</summary>
    public Submission Park(Submission s)
    {
        if (s.Parked is not null || s.Rows.Count == 0) return s;
        var buffer = new MemoryStream();
        using (var w = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
            new RowWriter(w, this).Rows(s.Rows);
        long offset;
        lock (_gate)
        {
            offset = _length;
            _length += buffer.Length;
        }
        RandomAccess.Write(_file.SafeFileHandle, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), offset);
        return s with { Rows = [], Parked = new ParkedRows(this, offset, (int)buffer.Length, s.Rows.Count) };
    }

    /// <summary>The submission with its rows back in memory, as they were read.</summary>
    public static Submission Restore(Submission s)
    {
        if (s.Parked is not { } p) return s;
        var bytes = new byte[p.Length];
        RandomAccess.Read(p.Spill._file.SafeFileHandle, bytes, p.Offset);
        using var r = new BinaryReader(new MemoryStream(bytes, writable: false), Encoding.UTF8);
        return s with { Rows = new RowReader(r, p.Spill).Rows(), Parked = null };
    }

    public void Dispose() => _file.Dispose();

    private int ClassIndex(JudgmentClass c)
    {
        lock (_gate)
        {
            if (_classIndex.TryGetValue(c, out var i)) return i;
            _classes.Add(c);
            return _classIndex[c] = _classes.Count - 1;
        }
    }

    private JudgmentClass ClassAt(int i)
    {
        lock (_gate) return _classes[i];
    }

    /// <summary>Strings are written once per blob and then by number (file and sheet names repeat on every cell).</summary>
    private sealed class RowWriter(BinaryWriter w, RowSpill spill)
    {
        private readonly Dictionary<string, int> _strings = new(StringComparer.Ordinal);

        public void Rows(IReadOnlyList<ItemRow> rows)
        {
            w.Write(rows.Count);
            foreach (var row in rows)
            {
                Str(row.Id);
                Field(row.RawId);
                Str(row.Sheet);
                w.Write(row.Row);
                Field(row.Category);
                Field(row.ItemText);
                Field(row.Basis);
                Field(row.Judgment);
                w.Write((int)row.ParsedJudgment.State);
                w.Write(row.ParsedJudgment.Class is { } c ? spill.ClassIndex(c) : -1);
                OptStr(row.ParsedJudgment.Original);
                Field(row.Finding);
                Field(row.Recommendation);
                Field(row.Answer);
                w.Write((int)row.ParsedAnswer);
                Field(row.AnswerDetail);
                Field(row.Evidence);
                Field(row.Remarks);
                w.Write(row.IsDuplicate);
                Notes(row.AuditorNotes);
                Notes(row.VendorNotes);
                w.Write(row.CategoryPath.Count);
                foreach (var p in row.CategoryPath) Str(p);
                w.Write(row.Scopes.Count);
                foreach (var scope in row.Scopes)
                {
                    Str(scope.Sheet);
                    w.Write(scope.Row);
                    Field(scope.Judgment);
                    Judgment(scope.Parsed);
                    Field(scope.Finding);
                    Field(scope.Recommendation);
                    Field(scope.Answer);
                    w.Write((int)scope.ParsedAnswer);
                }
            }
        }

        private void Judgment(ParsedJudgment j)
        {
            w.Write((int)j.State);
            w.Write(j.Class is { } c ? spill.ClassIndex(c) : -1);
            OptStr(j.Original);
        }

        private void Notes(IReadOnlyList<ReviewNote> notes)
        {
            w.Write(notes.Count);
            foreach (var n in notes)
            {
                w.Write((int)n.Kind);
                OptStr(n.ItemId);
                w.Write(n.Cells.Count);
                foreach (var c in n.Cells) Cell(c);
                Str(n.Original);
                Str(n.MessageJa);
                Str(n.MessageEn);
                Str(n.FixJa);
                Str(n.FixEn);
            }
        }

        private void Field(Field? f)
        {
            w.Write(f is not null);
            if (f is null) return;
            Str(f.Text);
            Cell(f.Cell);
        }

        private void Cell(CellRef c)
        {
            Str(c.File);
            Str(c.Sheet);
            w.Write(c.Row);
            w.Write(c.Column);
        }

        private void OptStr(string? s)
        {
            w.Write(s is not null);
            if (s is not null) Str(s);
        }

        private void Str(string s)
        {
            if (_strings.TryGetValue(s, out var i))
            {
                w.Write(i);
                return;
            }
            _strings[s] = _strings.Count;
            w.Write(-1);
            w.Write(s);
        }
    }

    private sealed class RowReader(BinaryReader r, RowSpill spill)
    {
        private readonly List<string> _strings = [];
        private readonly Dictionary<(string, string, int, int), CellRef> _cells = [];

        public List<ItemRow> Rows()
        {
            var rows = new List<ItemRow>(r.ReadInt32());
            for (var i = rows.Capacity; i > 0; i--)
            {
                var id = Str();
                var rawId = Field()!;
                var sheet = Str();
                var row = r.ReadInt32();
                var category = Field();
                var itemText = Field();
                var basis = Field();
                var judgment = Field();
                var state = (JudgmentState)r.ReadInt32();
                var classIndex = r.ReadInt32();
                var original = OptStr();
                rows.Add(new ItemRow
                {
                    Id = id,
                    RawId = rawId,
                    Sheet = sheet,
                    Row = row,
                    Category = category,
                    ItemText = itemText,
                    Basis = basis,
                    Judgment = judgment,
                    ParsedJudgment = new ParsedJudgment(state, classIndex < 0 ? null : spill.ClassAt(classIndex), original!),
                    Finding = Field(),
                    Recommendation = Field(),
                    Answer = Field(),
                    ParsedAnswer = (VendorAnswer)r.ReadInt32(),
                    AnswerDetail = Field(),
                    Evidence = Field(),
                    Remarks = Field(),
                    IsDuplicate = r.ReadBoolean(),
                    AuditorNotes = Notes(),
                    VendorNotes = Notes(),
                    CategoryPath = Strings(),
                    Scopes = Scopes(),
                });
            }
            return rows;
        }

        private List<string> Strings()
        {
            var list = new List<string>(r.ReadInt32());
            for (var i = list.Capacity; i > 0; i--) list.Add(Str());
            return list;
        }

        private List<ScopeJudgment> Scopes()
        {
            var list = new List<ScopeJudgment>(r.ReadInt32());
            for (var i = list.Capacity; i > 0; i--)
                list.Add(new ScopeJudgment(Str(), r.ReadInt32(), Field(), Judgment(), Field(), Field(), Field(), (VendorAnswer)r.ReadInt32()));
            return list;
        }

        private ParsedJudgment Judgment()
        {
            var state = (JudgmentState)r.ReadInt32();
            var classIndex = r.ReadInt32();
            return new ParsedJudgment(state, classIndex < 0 ? null : spill.ClassAt(classIndex), OptStr()!);
        }

        private List<ReviewNote> Notes()
        {
            var count = r.ReadInt32();
            var notes = new List<ReviewNote>(count);
            for (var i = 0; i < count; i++)
            {
                var kind = (ReviewKind)r.ReadInt32();
                var itemId = OptStr();
                var cells = new List<CellRef>(r.ReadInt32());
                for (var j = cells.Capacity; j > 0; j--) cells.Add(Cell());
                notes.Add(new ReviewNote(kind, itemId, cells, Str(), Str(), Str(), Str(), Str()));
            }
            return notes;
        }

        private Field? Field() => r.ReadBoolean() ? new Field(Str(), Cell()) : null;

        // A cell named twice (the id cell of a row and a note on it) is one CellRef, as when it was read.
        private CellRef Cell()
        {
            var key = (Str(), Str(), r.ReadInt32(), r.ReadInt32());
            if (!_cells.TryGetValue(key, out var cell)) _cells[key] = cell = new CellRef(key.Item1, key.Item2, key.Item3, key.Item4);
            return cell;
        }

        private string? OptStr() => r.ReadBoolean() ? Str() : null;

        private string Str()
        {
            var i = r.ReadInt32();
            if (i >= 0) return _strings[i];
            var s = r.ReadString();
            _strings.Add(s);
            return s;
        }
    }
}

/// <summary>Where a parked submission's rows are: which spill, where in it, and how many.</summary>
public sealed record ParkedRows(RowSpill Spill, long Offset, int Length, int Count)
{
    // Records compare by value; a spill compares by identity, which is what is meant.
    public bool Equals(ParkedRows? other) =>
        other is not null && ReferenceEquals(Spill, other.Spill) && Offset == other.Offset && Length == other.Length && Count == other.Count;

    public override int GetHashCode() => HashCode.Combine(RuntimeHelpers.GetHashCode(Spill), Offset);
}

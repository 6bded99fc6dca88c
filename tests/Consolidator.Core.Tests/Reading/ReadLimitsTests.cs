using Consolidator.Core.Model;
using Consolidator.Core.Reading;
using Consolidator.Fixtures;

namespace Consolidator.Core.Tests.Reading;

/// <summary>
/// Each limit, when crossed, refuses the file with a reason naming the setting in Japanese and
/// English; just within it, the file is read. The cell text limit cuts and lists instead.
/// </summary>
[TestClass]
public sealed class ReadLimitsTests
{
    [TestMethod]
    public void Read_RefusesAFileOverMaxFileBytes_BeforeReadingIt_FromAnyStream()
    {
        var book = HostileInputs.Checklist;
        var limits = new ReadLimits { MaxFileBytes = book.Length - 1 };

        var seekable = Reads.Rejection(book, "a.xlsx", limits);
        UnreadableFileException? unseekable = null;
        try
        {
            WorkbookReader.Read(new ForwardOnlyStream(book), "a.xlsx", limits);
        }
        catch (UnreadableFileException e)
        {
            unseekable = e;
        }

        AssertNamesSetting(seekable, nameof(ReadLimits.MaxFileBytes));
        AssertNamesSetting(unseekable?.Rejection, nameof(ReadLimits.MaxFileBytes));
        Assert.IsNull(Reads.Rejection(book, "a.xlsx", new ReadLimits { MaxFileBytes = book.Length }));
    }

    [TestMethod]
    public void Read_RefusesMoreSheetsThanMaxSheets()
    {
        var book = Book(3, 5, 5);

        AssertNamesSetting(Reads.Rejection(book, "a.xlsx", new ReadLimits { MaxSheets = 2 }), nameof(ReadLimits.MaxSheets));
        Assert.IsNull(Reads.Rejection(book, "a.xlsx", new ReadLimits { MaxSheets = 3 }));
    }

    [TestMethod]
    public void Read_RefusesAValueBelowMaxRows_ButNotEmptyRowsBelowTheData()
    {
        var book = Book(1, 30, 3);

        AssertNamesSetting(Reads.Rejection(book, "a.xlsx", new ReadLimits { MaxRows = 29 }), nameof(ReadLimits.MaxRows));
        Assert.IsNull(Reads.Rejection(book, "a.xlsx", new ReadLimits { MaxRows = 30 }));
        var formatted = HostileInputs.All().Single(i => i.Name == "formatted-last-row.xlsx").Bytes;
        Assert.AreEqual(Reads.Book(HostileInputs.Checklist, "c.xlsx").Sheets[0].RowCount, Reads.Book(formatted, "b.xlsx").Sheets[0].RowCount,
            "empty formatted rows down to row 1,048,576 are not kept");
    }

    [TestMethod]
    public void Read_RefusesAValueRightOfMaxColumns_ButNotEmptyFormattedCells()
    {
        var book = Book(1, 3, 12);
        var styled = new XlsxBuilder();
        styled.AddSheet("s").Text(1, 1, "No.").Styled(1, 300);

        var rejection = Reads.Rejection(book, "a.xlsx", new ReadLimits { MaxColumns = 11 });
        AssertNamesSetting(rejection, nameof(ReadLimits.MaxColumns));
        Assert.Contains("L1", rejection!.MessageEn, "the cell is named");
        Assert.IsNull(Reads.Rejection(book, "a.xlsx", new ReadLimits { MaxColumns = 12 }));
        Assert.IsNull(Reads.Rejection(styled.ToBytes(), "b.xlsx", new ReadLimits { MaxColumns = 10 }));
    }

    [TestMethod]
    public void Read_RefusesMoreCellsThanMaxCells_CountingMergedCells()
    {
        var book = Book(2, 25, 20); // 1,000 cells
        var merged = new XlsxBuilder();
        merged.AddSheet("s").Text(1, 1, "分類").Merge(1, 1, 1000, 2).Text(1000, 3, "x");

        AssertNamesSetting(Reads.Rejection(book, "a.xlsx", new ReadLimits { MaxCells = 999 }), nameof(ReadLimits.MaxCells));
        Assert.IsNull(Reads.Rejection(book, "a.xlsx", new ReadLimits { MaxCells = 1000 }));
        AssertNamesSetting(Reads.Rejection(merged.ToBytes(), "b.xlsx", new ReadLimits { MaxCells = 1500 }), nameof(ReadLimits.MaxCells));
    }

    [TestMethod]
    public void Read_RefusesAUsedRangeOverMaxScannedCells_NamingTheSheet()
    {
        // One empty formatted cell in Excel's last row and column: a reader scans 1,048,576 × 16,384 cells.
        var book = Zips.Edit(HostileInputs.Checklist, "xl/worksheets/sheet1.xml",
            x => x.Replace("</sheetData>", """<row r="1048576"><c r="XFD1048576" s="1"/></row></sheetData>"""));

        var rejection = Reads.Rejection(book, "a.xlsx", new ReadLimits { MaxScannedCells = 5_000_000 });

        AssertNamesSetting(rejection, nameof(ReadLimits.MaxScannedCells));
        Assert.Contains("チェックリスト", rejection!.MessageJa);
        Assert.Contains("16,384", rejection.MessageEn);
    }

    [TestMethod]
    public void Read_StopsAFileThatTakesLongerThanMaxReadSeconds()
    {
        var book = HostileInputs.All().Single(i => i.Name == "formatted-last-row.xlsx").Bytes;

        var rejection = Reads.Rejection(book, "a.xlsx", new ReadLimits { MaxReadSeconds = 5 }, new SteppingClock(TimeSpan.FromSeconds(1)));

        Assert.AreEqual("timeout", rejection?.Code, rejection?.ToString());
        Assert.Contains("Consolidation:Limits:MaxReadSeconds", rejection!.MessageJa);
        Assert.IsNull(Reads.Rejection(book, "a.xlsx", new ReadLimits { MaxReadSeconds = 5 }, new SteppingClock(TimeSpan.Zero)));
    }

    [TestMethod]
    public void Ingest_CutsTextOverMaxCellChars_AndListsTheCellIn要確認()
    {
        var book = HostileInputs.All().Single(i => i.Name == "long-text.xlsx").Bytes;

        var submission = Reads.Ingest(book, "long.xlsx");

        Assert.IsNull(submission.Rejection);
        var finding = submission.Rows.Single(r => r.Id == "5-2").Finding!;
        Assert.AreEqual(ReadLimits.Default.MaxCellChars, finding.Text.Length);
        var note = submission.Notes.Single(n => n.Kind == ReviewKind.TextTooLong);
        Assert.AreEqual("庶務事務システム_令和5年度/long.xlsx!チェックリスト!F9", note.Where);
        Assert.Contains("40", note.Original);
        Assert.StartsWith("セルの文字数", note.MessageJa);
    }

    [TestMethod]
    public void Read_CutsTextAtALowerLimit_WithoutSplittingASurrogatePair()
    {
        var b = new XlsxBuilder();
        b.AddSheet("s").Text(1, 1, new string('a', 99) + "𠮷𠮷");

        var book = Reads.Book(b.ToBytes(), "a.xlsx", new ReadLimits { MaxCellChars = 100 });

        Assert.AreEqual(new string('a', 99), book.Sheets[0][1, 1]);
        Assert.AreEqual(103, book.CutCells.Single().Length);
    }

    internal static void AssertNamesSetting(Rejection? rejection, string property)
    {
        Assert.IsNotNull(rejection, "the file was read");
        Assert.AreEqual("too-large", rejection.Code, rejection.ToString());
        Assert.Contains("Consolidation:Limits:" + property, rejection.MessageJa);
        Assert.Contains("Consolidation:Limits:" + property, rejection.MessageEn);
        Assert.Contains("Consolidation:Limits:" + property, rejection.FixEn);
        HostileInputTests.AssertBilingual(rejection);
    }

    /// <summary>A workbook of <paramref name="sheets"/> sheets, each <paramref name="rows"/> × <paramref name="columns"/> cells of text.</summary>
    private static byte[] Book(int sheets, int rows, int columns)
    {
        var b = new XlsxBuilder(XlsxFlavour.InlineStrings);
        for (var s = 1; s <= sheets; s++)
        {
            var sheet = b.AddSheet("シート" + s);
            for (var r = 1; r <= rows; r++)
                for (var c = 1; c <= columns; c++)
                    sheet.Text(r, c, $"{r}-{c}");
        }
        return b.ToBytes();
    }

    /// <summary>A clock that moves on by a fixed step each time it is read.</summary>
    private sealed class SteppingClock(TimeSpan step) : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => TimeSpan.TicksPerSecond;

        public override long GetTimestamp() => Interlocked.Add(ref _ticks, step.Ticks);
    }

    /// <summary>A stream that can only be read forward, as a network stream.</summary>
    private sealed class ForwardOnlyStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }
}

using Consolidator.Core.Model;
using Consolidator.Core.Reading;

namespace Consolidator.Core.Tests.Reading;

/// <summary>Reading a file from bytes, the way the pipeline does, and the files of Data/.</summary>
internal static class Reads
{
    public static readonly DateTimeOffset Received = new(2023, 10, 25, 9, 0, 0, TimeSpan.FromHours(9));

    /// <summary>The rejection of a file, or null when it is read.</summary>
    public static Rejection? Rejection(byte[] bytes, string name, ReadLimits? limits = null, TimeProvider? time = null)
    {
        try
        {
            WorkbookReader.Read(new MemoryStream(bytes, writable: false), name, limits, time);
            return null;
        }
        catch (UnreadableFileException e)
        {
            return e.Rejection;
        }
    }

    /// <summary>The workbook read from a file that must be readable.</summary>
    public static RawWorkbook Book(byte[] bytes, string name, ReadLimits? limits = null)
    {
        try
        {
            return WorkbookReader.Read(new MemoryStream(bytes, writable: false), name, limits);
        }
        catch (UnreadableFileException e)
        {
            Assert.Fail($"{name} was refused: {e.Rejection}");
            throw;
        }
    }

    /// <summary>A file read and recognised as the pipeline does, in a folder naming the seed audit.</summary>
    public static Submission Ingest(byte[] bytes, string name, ConsolidationOptions? options = null) =>
        new Consolidation(options).Ingest(SourceFile.FromBytes("庶務事務システム_令和5年度/" + name, bytes, Received));

    public static string DataPath(string relative) => Path.Combine(AppContext.BaseDirectory, "Data", relative);

    public static byte[] Data(string relative) => File.ReadAllBytes(DataPath(relative));
}

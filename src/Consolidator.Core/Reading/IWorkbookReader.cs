using Consolidator.Core.Model;

namespace Consolidator.Core.Reading;

/// <summary>
/// The reader contract: a stream in, a <see cref="RawWorkbook"/> out, nothing known about
/// audits. The stream is seekable and in memory. Every row and cell read is charged to the
/// <see cref="ReadBudget"/>; a file that cannot be read, or crosses a limit, throws
/// <see cref="UnreadableFileException"/>.
/// </summary>
public interface IWorkbookReader
{
    RawWorkbook Read(Stream stream, string fileName, ReadBudget budget);
}

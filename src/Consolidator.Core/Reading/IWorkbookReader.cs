using Consolidator.Core.Model;

namespace Consolidator.Core.Reading;

/// <summary>
/// The reader contract: a stream in, a <see cref="RawWorkbook"/> out, nothing known about
/// audits. A file that cannot be read at all throws <see cref="UnreadableFileException"/>.
/// </summary>
public interface IWorkbookReader
{
    RawWorkbook Read(Stream stream, string fileName, ReadLimits limits);
}

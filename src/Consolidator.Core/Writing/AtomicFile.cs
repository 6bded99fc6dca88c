using Consolidator.Core.Durability;

namespace Consolidator.Core.Writing;

/// <summary>
/// Writes a file whole or not at all: into a temporary file beside it, flushed to disk, then
/// renamed over the old one, and the folder flushed so that the new name survives a power cut.
/// A reader never sees half a workbook.
/// </summary>
public static class AtomicFile
{
    /// <param name="path">The file to write.</param>
    /// <param name="write">Writes the contents.</param>
    /// <param name="flushFolder">
    /// False when the caller flushes the folder itself, once for several files (the intake's batch).
    /// </param>
    public static void Write(string path, Action<Stream> write, bool flushFolder = true)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        DurableDirectory.Create(dir);
        // The temporary name starts like the file, cut short so that a long name still fits the
        // file system's limit once the suffix is added; the leading dot hides it from the inbox scan.
        var name = Path.GetFileName(path);
        if (name.Length > 40) name = name[..(char.IsHighSurrogate(name[39]) ? 39 : 40)];
        var temp = Path.Combine(dir, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
            if (flushFolder) DurableDirectory.Flush(dir);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}

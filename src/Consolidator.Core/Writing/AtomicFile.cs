namespace Consolidator.Core.Writing;

/// <summary>
/// Writes a file whole or not at all: into a temporary file beside it, flushed to disk, then
/// renamed over the old one. A reader never sees half a workbook.
/// </summary>
public static class AtomicFile
{
    public static void Write(string path, Action<Stream> write)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(dir);
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
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }
}

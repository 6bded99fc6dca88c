namespace Consolidator.Tests.Support;

/// <summary>A fresh folder under the system's temp folder, deleted (read-only files too) at the end.</summary>
internal sealed class TempDir : IDisposable
{
    public TempDir(string prefix = "consolidator-") => Path = Directory.CreateTempSubdirectory(prefix).FullName;

    public string Path { get; }

    public string this[string relative] => System.IO.Path.Combine(Path, relative.Replace('/', System.IO.Path.DirectorySeparatorChar));

    public void Dispose()
    {
        try
        {
            // Never through a link: a test's link to a file outside must leave that file as it was.
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint, IgnoreInaccessible = true };
            foreach (var f in Directory.EnumerateFiles(Path, "*", options))
                File.SetAttributes(f, FileAttributes.Normal);
            Directory.Delete(Path, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A child process may still hold a file for a moment; the temp folder is the system's to clean.
        }
    }
}

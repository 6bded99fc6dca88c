using System.Text.RegularExpressions;

namespace Consolidator.Inbox;

/// <summary>
/// The product's own temporary files: <c>.name.&lt;id&gt;.taking</c> (a copy into archive/ or
/// rejected/ in progress) and AtomicFile's <c>.name.&lt;guid&gt;.tmp</c> (an output or error note
/// in progress). A crash can leave them; the worker, holding the state lock, sweeps them at start.
/// </summary>
public static partial class TempFiles
{
    public static string Taking(string destination, long id) =>
        Path.Combine(Path.GetDirectoryName(destination)!, $".{Path.GetFileName(destination)}.{id}.taking");

    public static bool IsOurs(string name) => Pattern().IsMatch(name);

    /// <summary>Deletes the product's temporary files in <paramref name="folder"/>; returns how many.</summary>
    public static int Sweep(string folder, bool recursive)
    {
        if (!Directory.Exists(folder)) return 0;
        var options = new EnumerationOptions { RecurseSubdirectories = recursive, IgnoreInaccessible = true, AttributesToSkip = 0 };
        var swept = 0;
        foreach (var path in Directory.EnumerateFiles(folder, ".*", options))
        {
            if (!IsOurs(Path.GetFileName(path))) continue;
            try
            {
                File.Delete(path);
                swept++;
            }
            catch (IOException)
            {
                // Still open elsewhere: the next start sweeps it.
            }
        }
        return swept;
    }

    [GeneratedRegex(@"^\..+\.(\d+\.taking|[0-9a-f]{32}\.tmp)$")]
    private static partial Regex Pattern();
}

using System.Diagnostics;
using System.Security.Cryptography;

namespace Consolidator.Tests.Support;

/// <summary>
/// What a hostile sender puts into a share, made for real on the test's folders: symbolic and
/// hard links (ln), named pipes (mkfifo), folders nested beyond the system's path limit and names
/// that are not UTF-8 (sh). Linux only, like the attacks they reproduce.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal static class Links
{
    public static void Symbolic(string link, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        File.CreateSymbolicLink(link, target);
    }

    public static void Hard(string link, string target)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(link)!);
        Run(null, "ln", target, link);
    }

    public static void Fifo(string path) => Run(null, "mkfifo", path);

    /// <summary>
    /// Nests <paramref name="levels"/> folders of 120 characters below <paramref name="folder"/> — beyond the
    /// system's limit of 4,096 bytes for a path — with a file at the bottom; returns the top folder's name.
    /// </summary>
    public static string DeepFolder(string folder, int levels = 40)
    {
        var name = new string('d', 120);
        Shell(folder, $"for i in $(seq 1 {levels}); do mkdir {name} && cd -P {name} || exit 1; done; echo deep > deep.csv");
        return name;
    }

    /// <summary>Removes what <see cref="DeepFolder"/> made (rm walks it relative to each folder, which .NET cannot).</summary>
    public static void RemoveDeep(string folder, string top) => Shell(folder, $"rm -rf ./{top}");

    /// <summary>A file whose name holds the byte 0xFF, which is not UTF-8: <c>bad?name.csv</c>.</summary>
    public static void UndecodableName(string folder) => Shell(folder, "printf x > \"$(printf 'bad\\377name.csv')\"");

    /// <summary>Runs a shell script in <paramref name="folder"/> (relative paths, so no path limit applies to it).</summary>
    public static void Shell(string folder, string script) => Run(folder, "/bin/sh", "-c", script);

    private static void Run(string? folder, string program, params string[] args)
    {
        var info = new ProcessStartInfo(program) { RedirectStandardError = true, UseShellExecute = false };
        if (folder is not null) info.WorkingDirectory = folder;
        foreach (var a in args) info.ArgumentList.Add(a);
        using var p = Process.Start(info)!;
        var error = p.StandardError.ReadToEnd();
        p.WaitForExit();
        Assert.AreEqual(0, p.ExitCode, $"{program} {string.Join(' ', args)}: {error}");
    }
}

/// <summary>A file outside the inbox, and what it was before the product ran: its hash, mode and links.</summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
internal sealed record OutsideFile(string Path, string Sha256, UnixFileMode Mode, DateTime Modified)
{
    /// <summary>Writes a secret read-only file (mode 444), as the file a link would reach.</summary>
    public static OutsideFile Create(string path, byte[] content)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, content);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        return Snapshot(path);
    }

    public static OutsideFile Snapshot(string path) =>
        new(path, Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), File.GetUnixFileMode(path), File.GetLastWriteTimeUtc(path));

    /// <summary>Neither its bytes nor its mode nor its time changed, and its contents appear in none of <paramref name="folders"/>.</summary>
    public void AssertUntouched(params string[] folders)
    {
        var now = Snapshot(Path);
        Assert.AreEqual(this, now, "the outside file was changed");
        var secret = File.ReadAllBytes(Path);
        foreach (var folder in folders.Where(Directory.Exists))
            foreach (var f in Directory.EnumerateFiles(folder, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = FileAttributes.ReparsePoint }))
                Assert.IsFalse(File.ReadAllBytes(f).AsSpan().SequenceEqual(secret), $"the outside file's contents were copied to {f}");
    }
}

using System.Diagnostics;

namespace Consolidator.Tests.Support;

/// <summary>
/// A small tmpfs mounted over a folder (the tests run as root, here and in CI), which
/// <see cref="Fill"/> fills to the last byte so that the next write fails with ENOSPC, as a full
/// disk does. Unmounted at the end. Where the tests cannot mount (not root, or mount refused) the
/// test fails saying so: it never passes without having filled a disk.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private readonly string _folder;

    private SmallDisk(string folder) => _folder = folder;

    public static SmallDisk Mount(string folder, int kilobytes)
    {
        Directory.CreateDirectory(folder);
        if (Environment.UserName != "root")
            Assert.Fail($"A full disk is made with a tmpfs, which needs root (the tests run as {Environment.UserName}): run the tests as root, as CI does.");
        var (code, output) = Run("mount", "-t", "tmpfs", "-o", $"size={kilobytes}k", "tmpfs", folder);
        if (code != 0) Assert.Fail($"mount -t tmpfs over {folder} failed ({code}): {output}. A full disk cannot be made here.");
        return new SmallDisk(folder);
    }

    private string Filler => Path.Combine(_folder, ".filler");

    /// <summary>Fills the disk: the filler grows until the disk refuses another byte.</summary>
    public void Fill()
    {
        using var s = new FileStream(Filler, FileMode.Append, FileAccess.Write, FileShare.None, 1);
        foreach (var size in new[] { 65536, 4096, 1 })
        {
            var chunk = new byte[size];
            try
            {
                while (true)
                {
                    s.Write(chunk);
                    s.Flush();
                }
            }
            catch (IOException)
            {
                // Full at this chunk size; go on with a smaller one.
            }
        }
        Assert.IsTrue(new FileInfo(Filler).Length > 0, "the filler took the space");
    }

    /// <summary>Frees the space again.</summary>
    public void Free() => File.Delete(Filler);

    public void Dispose()
    {
        if (File.Exists(Filler)) File.Delete(Filler);
        if (Run("umount", _folder).Code != 0) Run("umount", "-l", _folder);
    }

    private static (int Code, string Output) Run(string file, params string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in args) info.ArgumentList.Add(a);
        try
        {
            using var p = Process.Start(info)!;
            var output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
            p.WaitForExit();
            return (p.ExitCode, output);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}

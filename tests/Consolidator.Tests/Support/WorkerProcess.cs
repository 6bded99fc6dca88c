using System.Diagnostics;
using System.Text;

namespace Consolidator.Tests.Support;

/// <summary>
/// The built consolidator.dll run as a real child process with <c>dotnet</c>, its output
/// collected, so tests can kill it (SIGKILL) at any point and start it again.
/// </summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly StringBuilder _output = new();

    private WorkerProcess(Process process) => Process = process;

    public Process Process { get; }

    public string Output
    {
        get
        {
            lock (_output) return _output.ToString();
        }
    }

    /// <summary>src/Consolidator/bin/&lt;configuration&gt;/net10.0/consolidator.dll, built with the solution.</summary>
    public static string ConsolidatorDll { get; } = Locate();

    public static WorkerProcess Start(string workingDirectory, params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(ConsolidatorDll);
        foreach (var a in args) info.ArgumentList.Add(a);
        info.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var p = new WorkerProcess(new Process { StartInfo = info, EnableRaisingEvents = true });
        p.Process.OutputDataReceived += (_, e) => p.Append(e.Data);
        p.Process.ErrorDataReceived += (_, e) => p.Append(e.Data);
        p.Process.Start();
        p.Process.BeginOutputReadLine();
        p.Process.BeginErrorReadLine();
        return p;
    }

    /// <summary>SIGKILL on Linux (TerminateProcess on Windows): no handler runs, nothing is flushed.</summary>
    public void Kill()
    {
        if (!Process.HasExited) Process.Kill(entireProcessTree: true);
        Process.WaitForExit();
    }

    public int WaitForExit()
    {
        if (!Process.WaitForExit(Eventually.Limit))
        {
            Kill();
            Assert.Fail("The process did not end:\n" + Output);
        }
        Process.WaitForExit();
        return Process.ExitCode;
    }

    /// <summary>The most memory the process has held so far (VmHWM on Linux).</summary>
    public long PeakWorkingSet
    {
        get
        {
            Process.Refresh();
            return Process.PeakWorkingSet64;
        }
    }

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }
        Process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.Append(line).Append('\n');
    }

    private static string Locate()
    {
        var baseDir = new DirectoryInfo(AppContext.BaseDirectory);
        // tests/Consolidator.Tests/bin/<configuration>/net10.0/
        var configuration = baseDir.Parent?.Name ?? "Debug";
        for (var dir = baseDir; dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "Consolidator.sln"))) continue;
            var dll = Path.Combine(dir.FullName, "src", "Consolidator", "bin", configuration, "net10.0", "consolidator.dll");
            if (File.Exists(dll)) return dll;
            throw new FileNotFoundException("Build the solution first: consolidator.dll is not at " + dll);
        }
        throw new DirectoryNotFoundException("Consolidator.sln not found above " + baseDir.FullName);
    }
}

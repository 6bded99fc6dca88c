using System.Collections.Concurrent;
using System.Globalization;
using Consolidator.Core;
using Consolidator.Core.Model;
using Consolidator.Core.Writing;
using Consolidator.Core.Writing.Report;
using Consolidator.Options;
using Microsoft.Extensions.Logging;

namespace Consolidator.Output;

/// <summary>An output that could not be written: its path, and whether the disk was full.</summary>
public sealed record OutputFailure(string Path, Exception Error)
{
    public bool IsDiskFull => DiskFull.Is(Error);

    public string Folder => System.IO.Path.GetDirectoryName(Path) ?? Path;

    /// <summary>出力を書けません / could not write the outputs, with the path; the disk named when it is full.</summary>
    public string Message => IsDiskFull
        ? DiskFull.Message(Folder)
        : $"出力を書けません: {Printable.Name(Path, 400)} / Could not write the outputs: {Printable.Name(Path, 400)} ({Reason(Error)})";

    private static string Reason(Exception e) => e switch
    {
        UnauthorizedAccessException => "書き込み権限がありません / no permission to write",
        DirectoryNotFoundException => "フォルダがありません / the folder does not exist",
        _ => Printable.Name(e.Message, 200),
    };
}

/// <summary>
/// The sink of <c>run</c> and <c>watch</c>: each audit's result workbook, CSV and report draft,
/// written together. All three are written and flushed under temporary names first, then renamed
/// into place, so a full disk or a failed write leaves the previous run's files as they were: an
/// audit's workbook and CSV are replaced together or not at all. A previous file that cannot be
/// replaced — on Windows a result open in Excel is locked — gets the new one beside it with the time
/// in its name (…_監査結果_20240110-020000.xlsx) and a warning: an open workbook never stops the
/// worker nor loses a result.
/// </summary>
public sealed class ResultFiles : IAuditSink
{
    private readonly string _folder;
    private readonly DateTimeOffset _generatedAt;
    private readonly ReportSettings _report;
    private readonly ILogger _log;
    private readonly ConcurrentBag<string> _written = [];

    public ResultFiles(string folder, DateTimeOffset generatedAt, ReportSettings report, ILogger log)
    {
        _folder = folder;
        _generatedAt = generatedAt;
        _report = report;
        _log = log;
    }

    /// <summary>Every path written, in order.</summary>
    public IReadOnlyList<string> Written => _written.Order(StringComparer.Ordinal).ToList();

    /// <summary>Called after each audit is written.</summary>
    public Action<AuditResult, string>? Wrote { get; init; }

    /// <exception cref="OutputWriteException">An output could not be written; none of the audit's files was replaced.</exception>
    public void Write(AuditResult audit)
    {
        var paths = WriteTogether(
        [
            (OutputNames.ResultWorkbook(audit), s => ResultWorkbook.Write(audit, _generatedAt, s)),
            (OutputNames.ResultCsv(audit), s => ItemsCsv.Write(audit, s)),
            (OutputNames.ReportDocument(audit), s => AuditReport.Write(audit, _report.For(audit.Key), _generatedAt, s)),
        ]);
        foreach (var p in paths) _written.Add(p);
        Wrote?.Invoke(audit, paths[0]);
    }

    /// <summary>One file alone (the overview), in the same way.</summary>
    public string WriteOne(string name, Action<Stream> write)
    {
        var path = WriteTogether([(name, write)])[0];
        _written.Add(path);
        return path;
    }

    private List<string> WriteTogether(IReadOnlyList<(string Name, Action<Stream> Write)> files)
    {
        var staged = new List<(string Temp, string Path)>();
        try
        {
            Core.Durability.DurableDirectory.Create(_folder);
            foreach (var (name, write) in files)
            {
                var path = Path.Combine(_folder, name);
                var temp = TempName(path);
                staged.Add((temp, path));
                try
                {
                    using var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920);
                    write(stream);
                    stream.Flush(flushToDisk: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new OutputWriteException(path, e);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            foreach (var (temp, _) in staged) TryDelete(temp);
            throw e as OutputWriteException ?? new OutputWriteException(_folder, e);
        }
        catch
        {
            foreach (var (temp, _) in staged) TryDelete(temp);
            throw;
        }
        // Every file is whole on disk: now they replace the previous ones, one rename each.
        var written = new List<string>();
        try
        {
            foreach (var (temp, path) in staged) written.Add(Replace(temp, path));
            // The new names survive a power cut: the folder is flushed once for the audit's files.
            Core.Durability.DurableDirectory.Flush(_folder);
        }
        catch
        {
            foreach (var (temp, _) in staged) TryDelete(temp);
            throw;
        }
        return written;
    }

    private string Replace(string temp, string path)
    {
        try
        {
            File.Move(temp, path, overwrite: true);
            return path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var beside = Path.Combine(Path.GetDirectoryName(path)!,
                $"{Path.GetFileNameWithoutExtension(path)}_{_generatedAt.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture)}{Path.GetExtension(path)}");
            _log.LogWarning("{Output} cannot be replaced ({Error}; open elsewhere?): the new result is {Beside}",
                Path.GetFileName(path), e.GetType().Name, Path.GetFileName(beside));
            try
            {
                File.Move(temp, beside, overwrite: true);
            }
            catch (Exception again) when (again is IOException or UnauthorizedAccessException)
            {
                TryDelete(temp);
                throw new OutputWriteException(path, again);
            }
            return beside;
        }
    }

    // The leading dot hides it from the inbox scan; the name is cut so a long one still fits with the suffix.
    private static string TempName(string path)
    {
        var name = Path.GetFileName(path);
        if (name.Length > 40) name = name[..(char.IsHighSurrogate(name[39]) ? 39 : 40)];
        return Path.Combine(Path.GetDirectoryName(path)!, $".{name}.{Guid.NewGuid():N}.tmp");
    }

    private static void TryDelete(string path)
    {
        try
        {
            if (!File.Exists(path)) return;
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A hidden temporary file may stay behind; the error that caused it is what is reported.
        }
    }
}

/// <summary>An output that could not be written, naming its path (the error stays the inner exception).</summary>
public sealed class OutputWriteException(string path, Exception inner)
    : IOException($"Could not write {path}: {inner.Message}", inner)
{
    public string Path { get; } = path;
}

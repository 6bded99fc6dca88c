using Consolidator.Core.Model;

namespace Consolidator.Core.Reading;

/// <summary>
/// What one file has used of its <see cref="ReadLimits"/> while it is read: time, cells holding a
/// value, cells scanned. The readers and guards charge it as they go, so a file that would take
/// too long or hold too much is stopped with its reason as soon as it crosses a limit, not after.
/// </summary>
public sealed class ReadBudget
{
    private readonly TimeProvider _time;
    private readonly long _started;
    private long _cells;
    private long _scanned;

    public ReadBudget(ReadLimits limits, TimeProvider? time = null)
    {
        Limits = limits;
        _time = time ?? TimeProvider.System;
        _started = _time.GetTimestamp();
    }

    public ReadLimits Limits { get; }

    /// <summary>Stops the read when it has taken longer than <see cref="ReadLimits.MaxReadSeconds"/>.</summary>
    public void CheckTime()
    {
        if (_time.GetElapsedTime(_started).TotalSeconds > Limits.MaxReadSeconds)
            throw new UnreadableFileException(Rejections.Timeout(Limits.MaxReadSeconds));
    }

    /// <summary>Charges cells that hold a value (<see cref="ReadLimits.MaxCells"/>).</summary>
    public void Cells(long count)
    {
        _cells += count;
        if (_cells > Limits.MaxCells)
            throw new UnreadableFileException(Rejections.TooLarge(
                $"値のあるセルが {Rejections.Count(Limits.MaxCells)} 個を超えています",
                $"more than {Rejections.Count(Limits.MaxCells)} cells hold a value",
                Limits.MaxCells, "セル", "cells", nameof(ReadLimits.MaxCells)));
    }

    /// <summary>Charges cells of the used range scanned, empty ones included (<see cref="ReadLimits.MaxScannedCells"/>).</summary>
    public void Scanned(long count, string sheet, int rows, int columns)
    {
        _scanned += count;
        if (_scanned > Limits.MaxScannedCells)
            throw new UnreadableFileException(Rejections.TooLarge(
                $"使用範囲が広すぎます（シート「{Rejections.Name(sheet)}」が {Rejections.Count(rows)} 行以上 × {Rejections.Count(columns)} 列。データの下や右にある空の書式付きの行・列を削除してください）",
                $"the used range is too large (sheet '{Rejections.Name(sheet)}' spans {Rejections.Count(rows)}+ rows × {Rejections.Count(columns)} columns; delete the empty formatted rows and columns below and right of the data)",
                Limits.MaxScannedCells, "セル", "cells", nameof(ReadLimits.MaxScannedCells)));
    }
}

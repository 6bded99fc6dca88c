namespace Consolidator.Mail;

/// <summary>What one <see cref="MailDispatcher"/> call did: mails queued, sent, still waiting, and why not.</summary>
public sealed record MailReport
{
    /// <summary>Mails composed for this run and written to the outbox.</summary>
    public int Queued { get; init; }

    /// <summary>Waiting mails replaced by this run's mail on the same audit.</summary>
    public int Superseded { get; init; }

    /// <summary>Mails of this run already queued or sent before (the same run handed in twice).</summary>
    public int Duplicates { get; init; }

    /// <summary>Mails the server accepted, this run's and older ones.</summary>
    public int Sent { get; init; }

    /// <summary>Mails left in the outbox for the next run.</summary>
    public int Pending { get; init; }

    /// <summary>True when another process held the outbox: this run's mails wait for the next flush.</summary>
    public bool OutboxBusy { get; init; }

    /// <summary>Each failure, with its reason.</summary>
    public IReadOnlyList<MailFailure> Failures { get; init; } = [];

    public string OutboxFolder { get; init; } = "";

    /// <summary>Lines for the console, Japanese first.</summary>
    public IReadOnlyList<string> Lines()
    {
        var lines = new List<string> { $"メール / Mail: 送信 {Sent} 通 / {Sent} sent" + (Queued > 0 ? $"（今回の作成 {Queued} 通 / {Queued} composed）" : "") };
        if (Superseded > 0) lines.Add($"  送信待ちの古いメール {Superseded} 通を今回の結果で置き換えました / {Superseded} waiting mail(s) replaced by this run's");
        if (Duplicates > 0) lines.Add($"  同じ内容のメール {Duplicates} 通は送信済みか送信待ちのため作成しませんでした / {Duplicates} identical mail(s) already queued or sent");
        if (OutboxBusy) lines.Add("  別の Consolidator が送信中のため、次回に送ります / another Consolidator is sending: mail waits for the next run");
        foreach (var f in Failures.DistinctBy(f => f.ToString())) lines.Add($"  送信できませんでした / Not sent: {f}");
        if (Pending > 0) lines.Add($"  送信待ち {Pending} 通は {OutboxFolder} に保存し、次回の実行で再送します / {Pending} waiting in {OutboxFolder}, retried at the next run");
        return lines;
    }
}

using Consolidator.Options;
using Microsoft.Extensions.Logging;
using MimeKit;
using Polly;
using Polly.Retry;

namespace Consolidator.Mail;

/// <summary>
/// Mails the results of a run through the outbox. <see cref="SendAsync"/> (after <c>run --mail</c>
/// and after each scheduled run of <c>watch</c>) composes the run's mails, writes them to the
/// outbox, then flushes it; <see cref="FlushAsync"/> (at the start of <c>watch</c>) sends what an
/// earlier run left. A mail leaves the outbox only once the server has accepted it; temporary
/// failures are retried with exponential backoff within the call, the rest at the next call.
/// Failures are returned as data and logged with their reason; nothing here throws but
/// cancellation.
/// </summary>
public sealed class MailDispatcher
{
    /// <summary>How long a call waits for another process (watch, a run by hand) to finish with the outbox.</summary>
    public static readonly TimeSpan LockWait = TimeSpan.FromSeconds(30);

    private readonly MailSettings _settings;
    private readonly string? _password;
    private readonly Outbox _outbox;
    private readonly MailComposer _composer;
    private readonly TimeProvider _time;
    private readonly ILogger<MailDispatcher> _log;
    private readonly ResiliencePipeline _retry;

    /// <param name="settings">Validated mail settings (<see cref="MailSettingsValidator"/>).</param>
    /// <param name="password">From <see cref="MailSettingsValidator.Password"/>, the environment only.</param>
    /// <param name="stateFolder">The state folder; the outbox is its subfolder outbox/.</param>
    /// <param name="zone">The office's time zone, for the Date header.</param>
    /// <param name="time">The clock: Date header, outbox names, retry delays.</param>
    /// <param name="log">Logs names, counts and reasons, never a mail's content.</param>
    public MailDispatcher(MailSettings settings, string? password, string stateFolder, TimeZoneInfo zone, TimeProvider time, ILogger<MailDispatcher> log)
    {
        _settings = settings;
        _password = password;
        _outbox = new Outbox(stateFolder, time);
        _composer = new MailComposer(settings, time, zone);
        _time = time;
        _log = log;
        _retry = settings.RetryCount == 0 ? ResiliencePipeline.Empty : new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = settings.RetryCount,
                Delay = settings.RetryDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = false,
                ShouldHandle = args => ValueTask.FromResult(args.Outcome.Exception is { } e
                    && !args.Context.CancellationToken.IsCancellationRequested
                    && MailFailure.From(e, Server, _time.GetUtcNow()).IsTransient),
                OnRetry = args =>
                {
                    var f = MailFailure.From(args.Outcome.Exception!, Server, _time.GetUtcNow());
                    _log.LogWarning("Mail attempt {Attempt} to {Server} failed ({Kind}, {Detail}); retrying in {Delay}",
                        args.AttemptNumber + 1, Server, f.Kind, f.Detail, args.RetryDelay);
                    return default;
                },
            })
            .Build();
    }

    public string OutboxFolder => _outbox.Folder;

    private string Server => $"{_settings.Host}:{_settings.EffectivePort}";

    /// <summary>Composes the run's mails (one per audit, or a digest), queues them, and sends everything waiting.</summary>
    public async Task<MailReport> SendAsync(JobOutcome outcome, CancellationToken cancel)
    {
        try
        {
            return await QueueAndFlushAsync(outcome, cancel);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return OutboxFailure(e);
        }
    }

    /// <summary>Sends what earlier runs left in the outbox (at the start of <c>watch</c>).</summary>
    public async Task<MailReport> FlushAsync(CancellationToken cancel)
    {
        try
        {
            using var held = await _outbox.LockAsync(LockWait, cancel);
            if (held is null)
                return new MailReport { OutboxBusy = true, Pending = _outbox.Pending().Count, OutboxFolder = _outbox.Folder };
            return await FlushLockedAsync(cancel);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return OutboxFailure(e);
        }
    }

    private async Task<MailReport> QueueAndFlushAsync(JobOutcome outcome, CancellationToken cancel)
    {
        var mails = _composer.Compose(outcome);
        using var held = await _outbox.LockAsync(LockWait, cancel);
        int queued = 0, superseded = 0, duplicates = 0;
        var failures = new List<MailFailure>();
        foreach (var mail in mails)
        {
            try
            {
                var result = _outbox.Enqueue(mail, supersede: held is not null);
                if (result.State == EnqueueState.Queued) queued++;
                else duplicates++;
                superseded += result.Superseded.Count;
                foreach (var old in result.Superseded)
                    _log.LogDebug("Mail {Old} replaced by {New} for {Audit}: a newer run superseded it", Path.GetFileName(old.Path), mail.Id, mail.Description);
                _log.LogDebug("Mail {Id} for {Audit}: {State}", mail.Id, mail.Description, result.State);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                var f = new MailFailure(MailFailureKind.Outbox, $"送信箱 {_outbox.Folder} に書き込めません", $"Cannot write to the outbox {_outbox.Folder}", e.Message, null, _time.GetUtcNow());
                failures.Add(f);
                _log.LogError("Mail for {Audit} could not be queued in {Outbox}: {Detail}", mail.Description, _outbox.Folder, e.Message);
            }
        }
        if (held is null)
        {
            _log.LogWarning("Outbox {Outbox} is held by another process; {Queued} mails wait for its next flush", _outbox.Folder, queued);
            return new MailReport
            {
                Queued = queued, Duplicates = duplicates, OutboxBusy = true, Failures = failures,
                Pending = _outbox.Pending().Count, OutboxFolder = _outbox.Folder,
            };
        }
        var flushed = await FlushLockedAsync(cancel);
        return flushed with { Queued = queued, Superseded = superseded, Duplicates = duplicates, Failures = [.. failures, .. flushed.Failures] };
    }

    private async Task<MailReport> FlushLockedAsync(CancellationToken cancel)
    {
        _outbox.SweepTemporary();
        var pending = _outbox.Pending();
        var failures = new List<MailFailure>();
        var sent = 0;
        if (pending.Count > 0)
        {
            await using var session = new SmtpSession(_settings, _password, _time);
            for (var i = 0; i < pending.Count; i++)
            {
                var entry = pending[i];
                var name = Path.GetFileName(entry.Path);
                if (_outbox.WasSent(entry.Id))
                {
                    // Accepted earlier, but the .eml could not be removed then: remove it now, never resend.
                    Outbox.Discard(entry);
                    _log.LogInformation("Mail {File} was already sent; removed from the outbox", name);
                    continue;
                }
                var failure = await SendOneAsync(entry, session, cancel);
                if (failure is null)
                {
                    sent++;
                    _log.LogInformation("Mail {File} sent to {Server}", name, Server);
                    Guard(() => _outbox.Delivered(entry), name, "sent, but not yet removed from the outbox");
                    continue;
                }
                failures.Add(failure);
                _log.LogWarning("Mail {File} not sent ({Kind}): {Reason} ({Detail}); kept in the outbox", name, failure.Kind, failure.MessageEn, failure.Detail);
                Guard(() => Outbox.Failed(entry, failure), name, "the attempt could not be noted");
                if (failure.StopsFlush)
                {
                    // The server itself failed: the other mails would fail the same way; they keep the reason.
                    foreach (var rest in pending.Skip(i + 1))
                        Guard(() => Outbox.Failed(rest, failure), Path.GetFileName(rest.Path), "the attempt could not be noted");
                    break;
                }
            }
        }
        return new MailReport { Sent = sent, Failures = failures, Pending = _outbox.Pending().Count, OutboxFolder = _outbox.Folder };
    }

    /// <summary>One outbox write after the server answered: a failure is logged, the other mails go on.</summary>
    private void Guard(Action write, string file, string what)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _log.LogError("Mail {File}: {What} ({Detail})", file, what, e.Message);
        }
    }

    private MailReport OutboxFailure(Exception e)
    {
        var f = new MailFailure(MailFailureKind.Outbox, $"送信箱 {_outbox.Folder} を読み書きできません", $"Cannot use the outbox {_outbox.Folder}", e.Message, null, _time.GetUtcNow());
        _log.LogError("Mail: the outbox {Outbox} cannot be used: {Detail}", _outbox.Folder, e.Message);
        return new MailReport { Failures = [f], OutboxFolder = _outbox.Folder };
    }

    private async Task<MailFailure?> SendOneAsync(OutboxEntry entry, SmtpSession session, CancellationToken cancel)
    {
        MimeMessage message;
        try
        {
            message = await MimeMessage.LoadAsync(entry.Path, cancel);
        }
        catch (Exception e) when (e is IOException or FormatException or UnauthorizedAccessException)
        {
            return new MailFailure(MailFailureKind.Outbox, $"送信待ちのメール {Path.GetFileName(entry.Path)} を読めません",
                $"Cannot read the waiting mail {Path.GetFileName(entry.Path)}", e.Message, null, _time.GetUtcNow());
        }
        Readdress(message);
        try
        {
            await _retry.ExecuteAsync(async token => await session.SendAsync(message, token), cancel);
            return null;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            return MailFailure.From(e, Server, _time.GetUtcNow());
        }
    }

    /// <summary>
    /// A mail that waited goes to the recipients set now, not to those of the night it was
    /// composed: someone removed from Mail:To gets nothing more, a corrected address gets it.
    /// </summary>
    private void Readdress(MimeMessage message)
    {
        var from = MailboxAddress.Parse(_settings.From!);
        var to = _settings.To.Select(MailboxAddress.Parse).ToList();
        if (!message.From.Mailboxes.Select(m => m.Address).SequenceEqual([from.Address], StringComparer.OrdinalIgnoreCase))
        {
            message.From.Clear();
            message.From.Add(from);
        }
        if (!message.To.Mailboxes.Select(m => m.Address).SequenceEqual(to.Select(m => m.Address), StringComparer.OrdinalIgnoreCase))
        {
            message.To.Clear();
            message.To.AddRange(to);
        }
    }
}

using System.CommandLine;
using System.Text.Encodings.Web;
using System.Text.Json;
using Consolidator.Core.Model;
using Consolidator.Inbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Consolidator.Commands;

/// <summary>
/// <c>validate FILE…</c>: says what would be read from each file (format, role, audit key,
/// submitter, items per sheet) and every problem with its file!sheet!cell, the original value
/// and the fix, in Japanese and English. Files given together are also cross-checked (an
/// auditor's judgment against a vendor's answer, two auditors, ids against the master list).
/// A folder stands for the files in it; an empty folder is said to be empty. With <c>--json</c>
/// one JSON document is printed whatever happens, errors included. Exit codes
/// (<see cref="ExitCodes"/>): 0 clean, 1 problems, 2 settings or a file that does not exist,
/// 3 a file unreadable or unusable.
/// </summary>
internal static class ValidateCommand
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static Command Create()
    {
        var files = new Argument<string[]>("files") { Description = "Files or folders to check / 確認するファイル又はフォルダ", Arity = ArgumentArity.OneOrMore };
        var json = new Option<bool>("--json") { Description = "Print JSON for scripts / スクリプト向けに JSON で出力" };
        var settings = new Option<string?>("--settings") { Description = "A settings file read on top of the appsettings.json beside the program (its keys win) / 追加の設定ファイル" };
        var with = new Option<string[]>("--with") { Description = "Files or folders to check against without reporting on them (e.g. the inbox) / 照合に使うファイル又はフォルダ（結果には含めない）" };
        var key = new AuditKeyOptions();
        var command = new Command("validate", "Check files without consolidating / 集約せずにファイルを確認する") { files, json, settings, with };
        key.AddTo(command);
        command.SetAction(parse => Execute(parse.GetValue(files)!, parse.GetValue(json), parse.GetValue(settings), Console.Out, Console.Error, parse.GetValue(with) ?? [],
            parse.GetValue(key.Target), parse.GetValue(key.Year)));
        return command;
    }

    public static int Execute(IReadOnlyList<string> arguments, bool json, string? settingsFile, TextWriter stdout, TextWriter stderr, IReadOnlyList<string>? context = null,
        string? target = null, string? year = null)
    {
        var overrides = new Dictionary<string, string?>();
        if (AuditKeyOptions.AddOverrides(target, year, overrides) is { } keyError)
            return Usage(json, stdout, stderr, "指定に誤りがあります / Invalid options:", [keyError]);
        IConfigurationRoot config;
        try
        {
            config = AppHost.Configuration(overrides, settingsFile);
        }
        catch (SettingsFileException e)
        {
            return Usage(json, stdout, stderr, "設定に誤りがあります / Invalid settings:", [e.Message]);
        }
        var (_, consolidation, errors) = AppHost.Settings(config);
        if (errors.Count > 0) return Usage(json, stdout, stderr, "設定に誤りがあります / Invalid settings:", errors);
        var missing = new List<string>();
        var empty = new List<string>();
        var targets = Expand(arguments, missing, empty);
        var others = Expand(context ?? [], missing, []);
        if (missing.Count > 0)
            return Usage(json, stdout, stderr, "ファイルがありません / No such file:",
                missing.Select(m => $"{m}（ファイル名とフォルダを確認してください / check the name and the folder）").ToList());
        foreach (var folder in empty)
            stderr.WriteLine($"フォルダにファイルがありません / The folder holds no files to check: {folder}");
        var targetPaths = targets.Select(t => t.Full).ToHashSet(StringComparer.Ordinal);
        others = others.Where(o => !targetPaths.Contains(o.Full)).ToList();
        // Names shown must be unique: where two given files share one, show their full paths.
        var all = targets.Concat(others).ToList();
        var clashing = all.GroupBy(f => f.Relative, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToHashSet(StringComparer.Ordinal);
        (string, string) Unique((string Full, string Relative) f) => clashing.Contains(f.Relative) ? (f.Full, f.Full.Replace('\\', '/')) : f;
        targets = targets.Select(Unique).ToList();
        others = others.Select(Unique).ToList();
        using var logger = new Serilog.LoggerConfiguration().CreateLogger();
        // validate shows what each file's dropdowns offer beside the scale mapping; run does not need them.
        using var host = AppHost.Builder(config, consolidation, logger, readDropdowns: true).Build();
        var job = host.Services.GetRequiredService<ConsolidationJob>();
        var submissions = job.IngestAll([.. targets, .. others], null, CancellationToken.None);
        var reports = job.Pipeline.Validate(submissions).Take(targets.Count).ToList();
        var exit = reports.Count == 0 ? ExitCodes.Success : reports.Max(r => r.ExitCode);
        if (json) WriteJson(reports, exit, [], empty, stdout);
        else WriteText(reports, stdout);
        return exit;
    }

    /// <summary>Nothing was checked: the errors on stderr, and with --json also as the document on stdout. Exit code 2.</summary>
    private static int Usage(bool json, TextWriter stdout, TextWriter stderr, string heading, IReadOnlyList<string> errors)
    {
        stderr.WriteLine(heading);
        foreach (var e in errors) stderr.WriteLine("  - " + e);
        if (json) WriteJson([], ExitCodes.Usage, [.. errors.Select(e => $"{heading.TrimEnd(':')}: {e}")], [], stdout);
        return ExitCodes.Usage;
    }

    /// <summary>The files the arguments name: a folder stands for the files in it. Missing paths and empty folders are collected.</summary>
    private static List<(string Full, string Relative)> Expand(IEnumerable<string> arguments, List<string> missing, List<string> empty)
    {
        var files = new List<(string Full, string Relative)>();
        foreach (var a in arguments)
        {
            if (Directory.Exists(a))
            {
                var found = InboxScanner.Scan(a);
                if (found.Count == 0) empty.Add(a);
                files.AddRange(found.Select(f => (Path.GetFullPath(f.FullPath), f.RelativePath)));
            }
            else if (File.Exists(a)) files.Add((Path.GetFullPath(a), Path.GetFileName(a)));
            else missing.Add(a);
        }
        return files;
    }

    private static void WriteText(List<FileReport> reports, TextWriter o)
    {
        if (reports.Count == 0) o.WriteLine("確認するファイルがありません / No files to check.");
        foreach (var r in reports)
        {
            var s = r.Submission;
            o.WriteLine(Core.Writing.Printable.Name(s.Source.RelativePath, 400));
            if (s.IsRejected)
            {
                o.WriteLine($"  使用できません / unusable: {s.Rejection!.MessageJa}");
                o.WriteLine($"    {s.Rejection.MessageEn}");
                if (s.Rejection.FixJa.Length > 0) o.WriteLine($"    → {s.Rejection.FixJa} / {s.Rejection.FixEn}");
            }
            if (s.Format.Length > 0 || s.Key is not null)
                o.WriteLine($"  形式 format: {s.Format}   区分 role: {s.Role.Label()}   監査 audit: {(s.Key is null ? "—" : Core.Writing.Printable.Name(s.Key.ToString()))}" + (s.KeyOrigin is { } origin ? $" ({origin})" : ""));
            if (s.Template is not null) o.WriteLine($"  テンプレート template: {s.Template}");
            if (s.Auditor is not null) o.WriteLine($"  監査人 auditor: {Core.Writing.Printable.Name(s.Auditor.Display(SubmissionRole.Auditor))}");
            if (s.Vendor is not null) o.WriteLine($"  事業者 vendor: {Core.Writing.Printable.Name(s.Vendor.Display(SubmissionRole.Vendor))}" + (s.Vendor.Person is { } p ? $"（{Core.Writing.Printable.Name(p)}）" : ""));
            if (s.SubmittedOn is { } d) o.WriteLine($"  提出日 submitted: {Core.Normalising.JapaneseDates.DateLabel(d)}");
            if (s.RoleReasonJa.Length > 0) o.WriteLine($"  区分の根拠 role because: {s.RoleReasonJa} / {s.RoleReasonEn}");
            if (r.Record is { SubmitterKey.Length: > 0 } key) o.WriteLine($"  提出者キー submitter key: {key.SubmitterKey}");
            if (r.Record is { Status: not FileStatus.Rejected } rec)
            {
                o.WriteLine($"  状態 status: {rec.Status.Label()} — {rec.ReasonJa}");
                o.WriteLine($"      {rec.ReasonEn}");
            }
            foreach (var sheet in s.Sheets)
            {
                o.WriteLine(sheet.HeaderRow is { } h
                    ? $"  シート sheet「{sheet.Name}」{(sheet.Hidden ? "（非表示 hidden）" : "")}: 見出し行 header row {h}, {sheet.Items} 項目 items — {string.Join("・", sheet.Columns)}"
                    : $"  シート sheet「{sheet.Name}」{(sheet.Hidden ? "（非表示 hidden）" : "")}: {sheet.Note}");
                if (sheet.HeaderRow is null) continue;
                o.WriteLine($"      行 rows: {sheet.Counts.Read} = {sheet.Counts.DescribeJa()} / {sheet.Counts.DescribeEn()}");
                if (sheet.MoreHeaderRows.Count > 0) o.WriteLine($"      次の表の見出し行 more header rows: {string.Join(", ", sheet.MoreHeaderRows)}");
                if (sheet.IdByContent is { } why) o.WriteLine($"      項目番号の列 id column: {why}");
                if (sheet.Unrecognised.Count > 0) o.WriteLine($"      認識しなかった見出し unrecognised headers: {string.Join("、", sheet.Unrecognised)}");
            }
            if (s.ScaleMappings.Count > 0)
            {
                o.WriteLine("  判定の読み方 scale mapping:");
                foreach (var m in s.ScaleMappings)
                    o.WriteLine($"      「{m.Spelling}」 → {(m.Symbol is null ? "—（判定の区分にない not on the scale）" : $"{m.Symbol} {m.Label}")}  [{m.Source}]" +
                        (m.Meaning is { } meaning ? $" 凡例 legend: 「{meaning}」" : "") + (m.Cells > 0 ? $" {m.Cells} セル cells" : ""));
            }
            if (s.Rows.Count > 0 && !s.IsRejected)
            {
                o.WriteLine($"  読み取った項目 items read: {s.Rows.Count}");
                foreach (var row in s.Rows)
                    o.WriteLine($"      {row.Id}  {(row.CategoryPath.Count > 0 ? "[" + string.Join(" › ", row.CategoryPath) + "] " : "")}{Shorten(row.ItemText?.Text)}  {Value(row)}  {string.Join(" ", Cells(row))}");
            }
            if (s.OtherRows.Count > 0)
            {
                o.WriteLine($"  項目以外の行 rows that are not items: {s.OtherRows.Count}");
                foreach (var t in s.OtherRows)
                    o.WriteLine($"      [{t.Kind.Label()}] {t.Cell}「{Shorten(t.Text)}」 {t.ReasonJa} / {t.ReasonEn}");
            }
            if (r.Problems.Count == 0 && !s.IsRejected) o.WriteLine("  問題なし / no problems");
            if (r.Problems.Count > 0) o.WriteLine($"  問題 problems: {r.Problems.Count}");
            foreach (var n in r.Problems)
            {
                o.WriteLine($"  [{n.KindLabel}] {(n.Cells.Count > 0 ? string.Join(" ", n.Cells) : "項目 " + n.ItemId)}" + (n.Original.Length > 0 ? $"  元の値 original: 「{n.Original}」" : ""));
                o.WriteLine($"      {n.MessageJa}");
                o.WriteLine($"      {n.MessageEn}");
                o.WriteLine($"      → {n.FixJa} / {n.FixEn}");
            }
            o.WriteLine();
        }
    }

    private static string Shorten(string? text) => text is null ? "" : text.Length <= 40 ? text : text[..39] + "…";

    /// <summary>What a row says: its judgment (raw → class) and its answer, and per sheet for an item on several sheets.</summary>
    private static string Value(ItemRow row)
    {
        static string J(Field? raw, Core.Normalising.ParsedJudgment p) => raw is null ? "" :
            $"判定「{raw.Text}」→{(p.Class is { } c ? c.Symbol : p.State == Core.Normalising.JudgmentState.Empty ? "未判定" : "不正")}";
        var parts = new List<string>();
        if (row.Judgment is not null) parts.Add(J(row.Judgment, row.ParsedJudgment));
        if (row.Answer is not null) parts.Add($"回答「{row.Answer.Text}」→{Core.Normalising.VendorAnswers.Label(row.ParsedAnswer)}");
        return string.Join(" ", parts);
    }

    private static IEnumerable<string> Cells(ItemRow row) =>
        row.Scopes.Count > 0 ? row.Scopes.Select(x => x.MainCell is { } c ? $"{c.Sheet}!{c.Address}" : $"{x.Sheet}!{x.Row}行") : [$"{row.MainCell.Sheet}!{row.MainCell.Address}"];

    private static object Judgment(Field? raw, Core.Normalising.ParsedJudgment parsed) => new
    {
        raw = raw?.Text,
        state = parsed.State.ToString(),
        symbol = parsed.Class?.Symbol,
        label = parsed.Class?.Label,
    };

    private static object Counts(RowCounts c) => new
    {
        read = c.Read, items = c.Items, headings = c.Headings, notes = c.Notes, legend = c.Legend, headers = c.Headers, listed = c.Listed,
    };

    private static void WriteJson(IReadOnlyList<FileReport> reports, int exit, IReadOnlyList<string> errors, IReadOnlyList<string> emptyFolders, TextWriter o)
    {
        var doc = new
        {
            exitCode = exit,
            errors,
            emptyFolders,
            files = reports.Select(r => new
            {
                path = r.Submission.Source.RelativePath,
                sha256 = r.Submission.Source.Sha256,
                format = r.Submission.Format,
                template = r.Submission.Template,
                role = r.Submission.Role.ToString(),
                audit = r.Submission.Key is { } k ? new { target = k.Target, fiscalYear = k.FiscalYear, label = k.FiscalYearLabel, origin = r.Submission.KeyOrigin } : null,
                auditor = r.Submission.Auditor?.Display(SubmissionRole.Auditor),
                vendor = r.Submission.Vendor?.Display(SubmissionRole.Vendor),
                submitterKey = r.Record?.SubmitterKey,
                status = r.Record?.Status.Label(),
                reasonJa = r.Record?.ReasonJa,
                reasonEn = r.Record?.ReasonEn,
                roleReason = r.Submission.RoleReasonJa.Length == 0 ? null : new { ja = r.Submission.RoleReasonJa, en = r.Submission.RoleReasonEn },
                sheets = r.Submission.Sheets.Select(x => new
                {
                    name = x.Name, hidden = x.Hidden, headerRow = x.HeaderRow, items = x.Items, columns = x.Columns, note = x.Note,
                    moreHeaderRows = x.MoreHeaderRows, idByContent = x.IdByContent, unrecognisedHeaders = x.Unrecognised, rows = Counts(x.Counts),
                }),
                rows = r.Submission.Counts is { } c ? Counts(c) : null,
                scaleMapping = r.Submission.ScaleMappings.Select(m => new
                {
                    spelling = m.Spelling, symbol = m.Symbol, label = m.Label, source = m.Source, legendMeaning = m.Meaning, cell = m.Cell?.ToString(), cells = m.Cells,
                }),
                items = r.Submission.IsRejected ? [] : r.Submission.Rows.Select(row => new
                {
                    id = row.Id,
                    rawId = row.RawId.Text,
                    categoryPath = row.CategoryPath,
                    category = row.Category?.Text,
                    text = row.ItemText?.Text,
                    judgment = row.Judgment is null ? null : Judgment(row.Judgment, row.ParsedJudgment),
                    answer = row.Answer is null ? null : new { raw = row.Answer.Text, normalised = Core.Normalising.VendorAnswers.Label(row.ParsedAnswer) },
                    sheet = row.Sheet,
                    cell = row.MainCell.ToString(),
                    duplicate = row.IsDuplicate,
                    scopes = row.Scopes.Select(x => new
                    {
                        sheet = x.Sheet,
                        cell = x.MainCell?.ToString(),
                        judgment = x.Judgment is null ? null : Judgment(x.Judgment, x.Parsed),
                        answer = x.Answer is null ? null : new { raw = x.Answer.Text, normalised = Core.Normalising.VendorAnswers.Label(x.ParsedAnswer) },
                    }),
                }),
                otherRows = r.Submission.OtherRows.Select(t => new { kind = t.Kind.ToString(), label = t.Kind.Label(), cell = t.Cell.ToString(), text = t.Text, reasonJa = t.ReasonJa, reasonEn = t.ReasonEn }),
                rejection = r.Submission.Rejection is { } rej ? new { code = rej.Code, messageJa = rej.MessageJa, messageEn = rej.MessageEn, fixJa = rej.FixJa, fixEn = rej.FixEn } : null,
                problems = r.Problems.Select(n => new
                {
                    kind = n.Kind.ToString(),
                    label = n.KindLabel,
                    item = n.ItemId,
                    cells = n.Cells.Select(c => c.ToString()),
                    original = n.Original,
                    messageJa = n.MessageJa,
                    messageEn = n.MessageEn,
                    fixJa = n.FixJa,
                    fixEn = n.FixEn,
                }),
                exitCode = r.ExitCode,
            }),
        };
        o.WriteLine(JsonSerializer.Serialize(doc, Json));
    }
}

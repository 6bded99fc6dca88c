using System.CommandLine;
using Consolidator.Core;
using Consolidator.Core.Model;
using Consolidator.Core.Writing.Templates;
using Consolidator.Options;
using Microsoft.Extensions.Configuration;

namespace Consolidator.Commands;

/// <summary>
/// <c>template</c>: blank auditor checklists and vendor pre-answer workbooks from the master item
/// list, with dropdowns and locked items, so submissions come back clean and read back exactly.
/// One with <c>--role</c> (and <c>--name</c>), or one per configured auditor and vendor with
/// <c>--all</c> (section Templates). Exit codes (<see cref="ExitCodes"/>): 0 when every template
/// was written; 2 for a usage or settings problem, a master list that does not exist, or a file
/// that exists (give --force); 3 when the master list cannot be read or holds no audit items;
/// 6 when a template could not be written (disk, rights).
/// </summary>
internal static class TemplateCommand
{
    /// <summary>The command line of one invocation.</summary>
    internal sealed record Request
    {
        public string? Master { get; init; }
        public string? Role { get; init; }
        public string? Name { get; init; }
        public string? Items { get; init; }
        public string? Out { get; init; }
        public bool All { get; init; }
        public bool Force { get; init; }
        public string? Settings { get; init; }
    }

    public static Command Create()
    {
        var master = new Option<string?>("--master") { Description = "The master item list (監査項目一覧) the items come from / 監査項目一覧のファイル" };
        var role = new Option<string?>("--role") { Description = "auditor (監査人: 判定) or vendor (事業者: 事前回答) / 区分" };
        var name = new Option<string?>("--name") { Description = "The auditor's name or the vendor's organisation, prefilled / 監査人名又は事業者名" };
        var items = new Option<string?>("--items") { Description = "Only these items: ids or prefixes, e.g. 5-*,6-1 (default: all) / 対象の項目番号" };
        var output = new Option<string?>("--out") { Description = "The workbook to write, or a folder (ending in / or existing) to write it into; with --all, the folder / 出力先" };
        var all = new Option<bool>("--all") { Description = "One template per auditor and vendor in settings (Templates:Auditors, Templates:Vendors) / 設定の全員分" };
        var force = new Option<bool>("--force") { Description = "Overwrite existing files / 既存のファイルを上書き" };
        var settings = new Option<string?>("--settings") { Description = "A settings file read on top of the appsettings.json beside the program (its keys win) / 追加の設定ファイル" };
        var command = new Command("template", "Write blank checklists and pre-answer workbooks from the master list / 監査項目一覧から記入用テンプレートを作成する");
        foreach (var o in new Option[] { master, role, name, items, output, all, force, settings }) command.Options.Add(o);
        command.SetAction((parse, _) => Task.FromResult(Execute(new Request
        {
            Master = parse.GetValue(master),
            Role = parse.GetValue(role),
            Name = parse.GetValue(name),
            Items = parse.GetValue(items),
            Out = parse.GetValue(output),
            All = parse.GetValue(all),
            Force = parse.GetValue(force),
            Settings = parse.GetValue(settings),
        }, Console.Out, Console.Error, TimeProvider.System)));
        return command;
    }

    public static int Execute(Request request, TextWriter stdout, TextWriter stderr, TimeProvider time)
    {
        var config = AppHost.Configuration(new Dictionary<string, string?>(), request.Settings);
        var (_, consolidation, errors) = AppHost.Settings(config);
        // Validated with every other setting in AppHost.Settings.
        var templates = SettingsBinder.Bind<TemplatesSettings>(config, "Templates", []);
        if (errors.Count > 0)
        {
            SettingsErrors.Write(stderr, errors);
            return ExitCodes.Usage;
        }

        var usage = Usage(request);
        if (usage.Count > 0)
        {
            foreach (var u in usage) stderr.WriteLine(u);
            stderr.WriteLine("例 / e.g.: template --master 監査項目一覧.xlsx --role auditor --name \"高橋 美咲（監査人）\" --out チェックリスト_高橋.xlsx");
            stderr.WriteLine("          template --master 監査項目一覧.xlsx --all --out templates/");
            return ExitCodes.Usage;
        }

        var masterPath = Path.GetFullPath(request.Master!);
        if (!File.Exists(masterPath))
        {
            stderr.WriteLine($"監査項目一覧のファイルがありません / The master list does not exist: {masterPath}");
            return ExitCodes.Usage;
        }
        var options = AppHost.PipelineOptions(consolidation);
        var folder = Path.GetFileName(Path.GetDirectoryName(masterPath)) ?? "";
        var master = Inbox.SourceLoader.Load(new Consolidation(options), masterPath, folder.Length > 0 ? $"{folder}/{Path.GetFileName(masterPath)}" : Path.GetFileName(masterPath));
        if (master.Rejection is { } rejection)
        {
            stderr.WriteLine($"監査項目一覧を読めません / Cannot use the master list: {rejection.MessageJa} / {rejection.MessageEn}");
            if (rejection.FixJa.Length > 0) stderr.WriteLine($"  {rejection.FixJa} / {rejection.FixEn}");
            return ExitCodes.Unreadable;
        }
        if (master.Rows.Count == 0)
        {
            stderr.WriteLine("監査項目一覧に項目がありません / The master list holds no items.");
            return ExitCodes.Unreadable;
        }
        if (master.Role != SubmissionRole.Master)
            stderr.WriteLine($"注意: {master.Source.Name} は監査項目一覧ではなく「{master.Role.Label()}」のファイルとして読めました。項目だけを使います。 / Note: read as {master.Role}, not a master list; only its items are used.");
        foreach (var note in master.Notes)
            stderr.WriteLine($"注意 / Note: {note}");

        var recipients = Recipients(request, templates, master.Key);
        if (recipients.Count == 0)
        {
            stderr.WriteLine("テンプレートを作る相手が設定されていません。設定の Templates:Auditors / Templates:Vendors に名前を書いてください。");
            stderr.WriteLine("No recipients: list them under Templates:Auditors and Templates:Vendors in the settings.");
            stderr.WriteLine("例 / e.g.: --settings FILE に \"Templates\": { \"Auditors\": [ { \"Name\": \"佐藤 健一\" } ] } を書く、又は --role と --name で1つずつ作る / or make one at a time with --role and --name.");
            return ExitCodes.Usage;
        }

        var zone = options.TimeZone;
        var generatedAt = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
        var written = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var exit = 0;
        foreach (var (role, name, items) in recipients)
        {
            TemplateDefinition template;
            try
            {
                template = TemplateDefinition.FromMaster(master, role, name, items, master.Scale ?? options.Recognition.Scale, generatedAt);
            }
            catch (ArgumentException e)
            {
                stderr.WriteLine($"{role.Label()} {name}: 項目を選べません / {e.Message}");
                exit = ExitCodes.Usage;
                continue;
            }
            foreach (var pattern in TemplateDefinition.UnmatchedPatterns(master, items))
                stderr.WriteLine($"注意: 項目「{pattern}」は監査項目一覧にありません / Note: '{pattern}' matches no item ({role.Label()} {name}).");

            var path = Target(request, template);
            if (!written.Add(path) || File.Exists(path) && !request.Force)
            {
                stderr.WriteLine($"ファイルが既にあります（上書きは --force） / The file exists (give --force to overwrite): {path}");
                exit = ExitCodes.Usage;
                continue;
            }
            try
            {
                TemplateWorkbook.Write(template, path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                stderr.WriteLine($"テンプレートを書けませんでした / Could not write the template: {path} ({e.Message})");
                exit = ExitCodes.Failed;
                continue;
            }
            stdout.WriteLine($"→ {path}  {role.Label()} {template.Name ?? "（名前は記入欄）"}  {template.Items.Count} 項目 / items  {template.Id} v{TemplateDefinition.LayoutVersion}");
        }
        return exit;
    }

    private static List<string> Usage(Request r)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(r.Master)) problems.Add("--master FILE を指定してください / Give the master list with --master FILE.");
        if (string.IsNullOrWhiteSpace(r.Out)) problems.Add(r.All ? "--out DIR を指定してください / Give the folder with --out DIR." : "--out FILE を指定してください / Give the workbook to write with --out FILE.");
        if (r.Role is not null && ParseRole(r.Role) is null) problems.Add($"--role は auditor（監査人）か vendor（事業者）です / --role is auditor or vendor, not '{r.Role}'.");
        if (!r.All && r.Role is null) problems.Add("--role auditor か --role vendor を指定してください（又は --all） / Give --role auditor or --role vendor (or --all).");
        if (r.All && (r.Name is not null || r.Items is not null)) problems.Add("--all では名前と項目を設定（Templates）から取ります。--name / --items は使えません / With --all, names and items come from the settings.");
        return problems;
    }

    private static SubmissionRole? ParseRole(string role) => role.Trim().ToLowerInvariant() switch
    {
        "auditor" or "監査人" => SubmissionRole.Auditor,
        "vendor" or "事業者" => SubmissionRole.Vendor,
        _ => null,
    };

    private static List<(SubmissionRole Role, string? Name, IReadOnlyList<string>? Items)> Recipients(Request r, TemplatesSettings settings, AuditKey? key)
    {
        // A recipient listed for another audit (Target, FiscalYear) gets no template of this one.
        bool Here(TemplateRecipientSettings x) => key is null || TemplatesSettingsValidator.Expected(x, SubmissionRole.Auditor, "").AppliesTo(key);
        var role = r.Role is null ? null : ParseRole(r.Role);
        if (!r.All)
            return [(role!.Value, r.Name, r.Items is null ? null : [r.Items])];
        var list = new List<(SubmissionRole, string?, IReadOnlyList<string>?)>();
        if (role is null or SubmissionRole.Auditor)
            list.AddRange(settings.Auditors.Where(Here).Select(a => (SubmissionRole.Auditor, (string?)a.Name, (IReadOnlyList<string>?)(a.Items.Count > 0 ? a.Items : null))));
        if (role is null or SubmissionRole.Vendor)
            list.AddRange(settings.Vendors.Where(Here).Select(v => (SubmissionRole.Vendor, (string?)v.Name, (IReadOnlyList<string>?)(v.Items.Count > 0 ? v.Items : null))));
        return list;
    }

    private static string Target(Request r, TemplateDefinition t)
    {
        var output = Path.GetFullPath(r.Out!);
        var folder = r.All || Directory.Exists(output) || r.Out!.EndsWith('/') || r.Out.EndsWith(Path.DirectorySeparatorChar);
        if (!folder) return output;
        Directory.CreateDirectory(output);
        return Path.Combine(output, TemplateWorkbook.FileName(t));
    }
}

using System.CommandLine;

namespace Consolidator.Commands;

/// <summary>The folder options every command that consolidates takes, mapped onto the Paths settings.</summary>
internal sealed class CommonOptions
{
    public Option<string?> Root { get; } = new("--root") { Description = "One folder for inbox/, archive/, rejected/, output/ and state/ (files are moved) / 5つのフォルダをまとめて指定" };
    public Option<string?> Inbox { get; } = new("--inbox") { Description = "Folder people drop files into (default: input-samples) / 受付フォルダ" };
    public Option<string?> Output { get; } = new("--output") { Description = "Folder for the result workbooks (default: output) / 出力フォルダ" };
    public Option<string?> Archive { get; } = new("--archive") { Description = "Move accepted files here / 採用・保管フォルダ" };
    public Option<string?> Rejected { get; } = new("--rejected") { Description = "Move refused files here with <name>.error.txt / 拒否フォルダ" };
    public Option<string?> State { get; } = new("--state") { Description = "Ledger, lock, mail outbox and logs (default: state) / 状態フォルダ" };
    public Option<string?> Settings { get; } = new("--settings") { Description = "A settings file read on top of the appsettings.json beside the program (its keys win) / 追加の設定ファイル" };

    public void AddTo(Command command)
    {
        foreach (var o in new Option[] { Root, Inbox, Output, Archive, Rejected, State, Settings })
            command.Options.Add(o);
    }

    /// <summary>The command line as configuration keys (Paths:Inbox …), the last source to win.</summary>
    public Dictionary<string, string?> Overrides(ParseResult parse)
    {
        var d = new Dictionary<string, string?>();
        void Set(string key, Option<string?> o)
        {
            if (parse.GetValue(o) is { } v) d[key] = v;
        }
        Set("Paths:Root", Root);
        Set("Paths:Inbox", Inbox);
        Set("Paths:Output", Output);
        Set("Paths:Archive", Archive);
        Set("Paths:Rejected", Rejected);
        Set("Paths:State", State);
        // --root wins over the defaults in appsettings.json for the folders not given alone.
        if (parse.GetValue(Root) is not null)
            foreach (var name in new[] { "Inbox", "Output", "State" })
                if (!d.ContainsKey("Paths:" + name)) d["Paths:" + name] = Path.Combine(parse.GetValue(Root)!, name.ToLowerInvariant());
        return d;
    }
}

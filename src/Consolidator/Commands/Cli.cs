using System.CommandLine;
using System.Globalization;

namespace Consolidator.Commands;

/// <summary>The command line: every command, the exit codes in their help, and parse errors in Japanese then English.</summary>
internal static class Cli
{
    public static RootCommand Root()
    {
        var root = new RootCommand("Consolidator — 情報セキュリティ監査のチェックリストと事前回答を集約する / consolidates audit checklists and vendors' pre-answers");
        root.Subcommands.Add(RunCommand.Create());
        root.Subcommands.Add(ValidateCommand.Create());
        root.Subcommands.Add(TemplateCommand.Create());
        root.Subcommands.Add(WatchCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        ExitCodes.AddToHelp(root);
        return root;
    }

    /// <summary>
    /// Says what is wrong with the command line, each error in Japanese (System.CommandLine's own
    /// Japanese messages, parsed again under ja-JP) then English, and how to get help. Exit code 2.
    /// </summary>
    public static int ReportErrors(IReadOnlyList<string> args, ParseResult parse, TextWriter stderr)
    {
        var english = Messages(args, CultureInfo.InvariantCulture);
        var japanese = Messages(args, CultureInfo.GetCultureInfo("ja-JP"));
        stderr.WriteLine("コマンドラインに誤りがあります / Invalid command line:");
        for (var i = 0; i < english.Count; i++)
        {
            var ja = i < japanese.Count ? japanese[i] : english[i];
            stderr.WriteLine("  - " + ja);
            if (ja != english[i]) stderr.WriteLine("    " + english[i]);
        }
        var command = parse.CommandResult.Command is RootCommand ? "" : parse.CommandResult.Command.Name + " ";
        stderr.WriteLine($"使い方は `consolidator {command}--help` で表示します / `consolidator {command}--help` shows how to use it.");
        return ExitCodes.Usage;
    }

    private static List<string> Messages(IReadOnlyList<string> args, CultureInfo culture)
    {
        var before = CultureInfo.CurrentUICulture;
        try
        {
            CultureInfo.CurrentUICulture = culture;
            return Root().Parse(args).Errors.Select(e => e.Message).ToList();
        }
        finally
        {
            CultureInfo.CurrentUICulture = before;
        }
    }
}

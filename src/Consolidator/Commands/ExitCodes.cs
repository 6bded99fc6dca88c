using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace Consolidator.Commands;

/// <summary>
/// The process exit codes. Each means one thing, whichever command returns it, so a script or
/// systemd (<c>RestartPreventExitStatus=2 5</c>) can act on it. The same table is in README.md
/// ("Exit codes") and at the end of every command's <c>--help</c>.
/// </summary>
internal static class ExitCodes
{
    /// <summary>Done: outputs written (and mailed), files clean, a normal stop.</summary>
    public const int Success = 0;

    /// <summary>validate: the files can be read, but problems were found (要確認).</summary>
    public const int Problems = 1;

    /// <summary>The command line, the settings, or a file or folder named in them cannot be used (nothing was done).</summary>
    public const int Usage = 2;

    /// <summary>Files were given but none could be used: not readable, not a table, no audit key (validate, template's master list, run with nothing to consolidate).</summary>
    public const int Unreadable = 3;

    /// <summary>run --mail: the outputs were written, but mail waits in the outbox for the next run.</summary>
    public const int MailWaiting = 4;

    /// <summary>Another Consolidator (watch, or run with --root) holds the state folder.</summary>
    public const int StateInUse = 5;

    /// <summary>Started but could not finish: outputs could not be written (disk, rights), or stopped (Ctrl+C) before the end.</summary>
    public const int Failed = 6;

    /// <summary>An unexpected error (a defect): the message and the log say where.</summary>
    public const int Crashed = 70;

    /// <summary>Every code with its meaning, Japanese then English.</summary>
    public static readonly IReadOnlyList<(int Code, string Ja, string En)> All =
    [
        (Success, "正常終了（出力・送信済み、問題なし、停止）", "done: outputs written and mailed, files clean, or a normal stop"),
        (Problems, "問題あり（validate: 読めるが要確認の問題がある）", "problems found (validate: readable, with problems to review)"),
        (Usage, "使い方・設定の誤り（コマンドライン、設定、存在しないファイルやフォルダ）", "usage: the command line, the settings, or a file or folder given that does not exist"),
        (Unreadable, "読めない・使えない（ファイルを読めない、表がない、監査を特定できない、集約できる監査がない）", "unreadable: files given but none usable (not readable, no table, no audit key, nothing to consolidate)"),
        (MailWaiting, "メール送信待ち（結果は出力済み、送信箱で次回に再送）", "mail waiting: outputs written, mail kept in the outbox for the next run"),
        (StateInUse, "状態フォルダ使用中（別の Consolidator が動作中）", "state in use: another Consolidator works on this state folder"),
        (Failed, "失敗・中断（出力を書けない、Ctrl+C などで途中停止）", "failed: outputs could not be written, or stopped before the end"),
        (Crashed, "予期しないエラー", "unexpected error"),
    ];

    /// <summary>The codes each command can return, as its --help lists them.</summary>
    public static IReadOnlyList<int> For(string command) => command switch
    {
        "run" => [Success, Usage, Unreadable, MailWaiting, StateInUse, Failed, Crashed],
        "validate" => [Success, Problems, Usage, Unreadable, Crashed],
        "template" => [Success, Usage, Unreadable, Failed, Crashed],
        "watch" => [Success, Usage, StateInUse, Crashed],
        "status" => [Success, Usage, Crashed],
        _ => [.. All.Select(c => c.Code)],
    };

    /// <summary>The exit-code section of a command's help.</summary>
    public static IEnumerable<string> HelpLines(string command)
    {
        yield return "終了コード / Exit codes:";
        foreach (var code in For(command))
        {
            var (_, ja, en) = All.Single(c => c.Code == code);
            yield return $"  {code,-3} {ja}";
            yield return $"      {en}";
        }
    }

    /// <summary>Appends the exit codes to the help of every command (the help option is recursive: one on the root).</summary>
    public static void AddToHelp(RootCommand root)
    {
        foreach (var option in root.Options.OfType<HelpOption>())
            if (option.Action is HelpAction help)
                option.Action = new HelpWithExitCodes(help);
    }

    /// <summary>True for --help, which System.CommandLine shows even when the rest of the command line is incomplete.</summary>
    public static bool IsHelp(CommandLineAction? action) => action is HelpWithExitCodes or HelpAction;

    private sealed class HelpWithExitCodes(HelpAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var code = inner.Invoke(parseResult);
            var output = parseResult.InvocationConfiguration.Output;
            var name = parseResult.CommandResult.Command is RootCommand ? "" : parseResult.CommandResult.Command.Name;
            foreach (var line in HelpLines(name)) output.WriteLine(line);
            return code;
        }
    }
}

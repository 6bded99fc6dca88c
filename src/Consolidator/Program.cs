using System.CommandLine;
using System.Text;
using Consolidator.Commands;

// Bootstrap: a thin entry point. Each command parses, calls Core, and returns its exit code.
Console.OutputEncoding = Encoding.UTF8;
var root = new RootCommand("Consolidator — 情報セキュリティ監査のチェックリストと事前回答を集約する / consolidates audit checklists and vendors' pre-answers");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(TemplateCommand.Create());
root.Subcommands.Add(WatchCommand.Create());
root.Subcommands.Add(StatusCommand.Create());
try
{
    // Ctrl+C and SIGTERM cancel the command, which then finishes the file in hand: give it time
    // (System.CommandLine would end the process after 2 s; systemd waits 90 s by default).
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration
    {
        EnableDefaultExceptionHandler = false,
        ProcessTerminationTimeout = TimeSpan.FromSeconds(60),
    });
}
catch (Exception e)
{
    // The type and message only: a stack trace never reaches the console.
    Console.Error.WriteLine($"予期しないエラーで終了しました / Stopped by an unexpected error: {e.GetType().Name}: {Consolidator.Core.Writing.Printable.Name(e.Message, 400)}");
    return 70;
}

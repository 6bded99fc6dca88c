using System.CommandLine;
using System.Text;
using Consolidator.Commands;

// Bootstrap: a thin entry point. Each command parses, calls Core, and returns its exit code (ExitCodes).
Console.OutputEncoding = Encoding.UTF8;
var root = Cli.Root();
var parse = root.Parse(args);
if (parse.Errors.Count > 0 && !ExitCodes.IsHelp(parse.Action)) return Cli.ReportErrors(args, parse, Console.Error);
try
{
    // Ctrl+C and SIGTERM cancel the command, which then finishes the file in hand: give it time
    // (System.CommandLine would end the process after 2 s; systemd waits 90 s by default).
    return await parse.InvokeAsync(new InvocationConfiguration
    {
        EnableDefaultExceptionHandler = false,
        ProcessTerminationTimeout = TimeSpan.FromSeconds(60),
    });
}
catch (SettingsFileException e)
{
    Console.Error.WriteLine(e.Message);
    return ExitCodes.Usage;
}
catch (Exception e)
{
    Console.Error.WriteLine($"予期しないエラーで終了しました / Stopped by an unexpected error: {e.GetType().Name}: {Consolidator.Core.Writing.Printable.Name(e.Message, 400)}");
    return ExitCodes.Crashed;
}

using System.CommandLine;
using System.Text;
using Consolidator.Commands;
using Serilog;

// Bootstrap: a thin entry point. Each command parses, calls Core, and returns its exit code (ExitCodes).
// As in serilog-extensions-hosting's sample, whatever escapes a command is logged as Fatal — to the
// log files the command configured, not only the console — and the log is flushed before the exit.
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
    Log.Logger = AppHost.CrashLogger();
    Log.Fatal(e, "Stopped by an unexpected error: {Error}", e.GetType().Name);
    return ExitCodes.Crashed;
}
finally
{
    await Log.CloseAndFlushAsync();
}

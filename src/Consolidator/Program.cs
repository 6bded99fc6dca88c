using System.CommandLine;
using System.Text;
using Consolidator.Commands;

// Bootstrap: a thin entry point. Each command parses, calls Core, and returns its exit code.
Console.OutputEncoding = Encoding.UTF8;
var root = new RootCommand("Consolidator — 情報セキュリティ監査のチェックリストと事前回答を集約する / consolidates audit checklists and vendors' pre-answers");
root.Subcommands.Add(RunCommand.Create());
root.Subcommands.Add(ValidateCommand.Create());
root.Subcommands.Add(TemplateCommand.Create());
try
{
    return await root.Parse(args).InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception e)
{
    Console.Error.WriteLine($"予期しないエラーで終了しました / Stopped by an unexpected error: {e.GetType().Name}: {e.Message}");
    return 70;
}

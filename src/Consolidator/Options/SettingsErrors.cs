namespace Consolidator.Options;

/// <summary>The one printer of settings problems: a heading in Japanese then English, each problem once, on its own line.</summary>
public static class SettingsErrors
{
    public const string Heading = "設定に誤りがあります / Invalid settings:";

    public static void Write(TextWriter writer, IEnumerable<string> errors)
    {
        writer.WriteLine(Heading);
        foreach (var e in errors.Distinct(StringComparer.Ordinal)) writer.WriteLine("  - " + e);
    }
}

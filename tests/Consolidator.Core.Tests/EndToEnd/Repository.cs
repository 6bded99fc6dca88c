namespace Consolidator.Core.Tests.EndToEnd;

/// <summary>Finds the repository's folders from the test's output folder.</summary>
internal static class Repository
{
    public static string Root
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Consolidator.sln")))
                    return dir.FullName;
            throw new DirectoryNotFoundException("Consolidator.sln not found above " + AppContext.BaseDirectory);
        }
    }

    public static string InputSamples => Path.Combine(Root, "input-samples");

    public static string Golden => Path.Combine(Root, "tests", "Consolidator.Core.Tests", "Golden");
}

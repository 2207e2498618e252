namespace Restate.Sdk.PackageTests;

/// <summary>Where the repository is, and which configuration this test assembly (and so the packed projects) was built in.</summary>
public static class RepositoryLayout
{
    /// <summary>Debug or Release, whichever this test assembly was built with; the packed projects are built alongside it.</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    /// <summary>The folder that holds <c>SkAgentSession.sln</c>.</summary>
    public static string Root { get; } = FindRoot();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SkAgentSession.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (SkAgentSession.sln) was not found above " + AppContext.BaseDirectory);
    }
}

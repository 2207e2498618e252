namespace Restate.Sdk.IntegrationTests.Sdk.Infrastructure;

/// <summary>Finds the test service's build output (<c>tests/Restate.Sdk.TestService</c>) from this test assembly's location.</summary>
public static class TestServiceLayout
{
    /// <summary>Debug or Release, whichever this test assembly was built with (the test service is built alongside it).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    public static string Assembly { get; } = Path.Combine(
        FindRepositoryRoot(), "tests", "Restate.Sdk.TestService", "bin", Configuration, "net10.0", "Restate.Sdk.TestService.dll");

    private static string FindRepositoryRoot()
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

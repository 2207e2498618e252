namespace SkAgentSession.IntegrationTests.Fixtures;

/// <summary>Finds the repository and the app's build output from the test assembly's location.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>Debug or Release, whichever this test assembly was built with (the app is built alongside it).</summary>
    public static string Configuration { get; } =
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
            ? "Release"
            : "Debug";

    public static string AppAssembly { get; } =
        Path.Combine(Root, "src", "SkAgentSession", "bin", Configuration, "net10.0", "SkAgentSession.dll");

    /// <summary>The cluster's load balancer, built alongside (see the project's reference to it).</summary>
    public static string BalancerAssembly { get; } =
        Path.Combine(Root, "cluster", "LoadBalancer", "bin", Configuration, "net10.0", "LoadBalancer.dll");

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

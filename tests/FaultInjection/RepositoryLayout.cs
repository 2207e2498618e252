namespace SkAgentSession.FaultInjection;

/// <summary>Finds the repository and the app's build output from this driver's location.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>The app built with the same configuration as this driver (its project reference builds it alongside).</summary>
    public static string DefaultAppAssembly => Path.Combine(Root, "src", "SkAgentSession", "bin", Configuration, "net10.0", "SkAgentSession.dll");

    /// <summary>The cluster's load balancer, built alongside like the app.</summary>
    public static string DefaultBalancerAssembly => Path.Combine(Root, "cluster", "LoadBalancer", "bin", Configuration, "net10.0", "LoadBalancer.dll");

    private static string Configuration =>
        AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";

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

namespace SkAgentSession.FaultInjection;

/// <summary>Finds the repository and the app's build output from this driver's location.</summary>
internal static class RepositoryLayout
{
    public static string Root { get; } = FindRoot();

    /// <summary>The app built with the same configuration as this driver (its project reference builds it alongside).</summary>
    public static string DefaultAppAssembly
    {
        get
        {
            var separator = Path.DirectorySeparatorChar;
            var configuration = AppContext.BaseDirectory.Contains($"{separator}Release{separator}", StringComparison.Ordinal) ? "Release" : "Debug";
            return Path.Combine(Root, "src", "SkAgentSession", "bin", configuration, "net10.0", "SkAgentSession.dll");
        }
    }

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

namespace SkAgentSession.Hosting;

/// <summary>Finds the repository's folders from wherever the app runs (the project folder or its bin folder).</summary>
internal static class RepositoryPaths
{
    public static string? FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "SkAgentSession.sln")))
                {
                    return dir.FullName;
                }
            }
        }

        return null;
    }

    public static string? FindUiDist() =>
        FindRoot() is { } root ? Path.Combine(root, "ui", "dist") : null;
}

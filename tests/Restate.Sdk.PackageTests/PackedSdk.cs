using System.Text.RegularExpressions;

namespace Restate.Sdk.PackageTests;

/// <summary>
/// Packs the three SDK packages once for the test classes of <see cref="SharedPackedSdk"/> with <c>scripts/pack.sh --no-build</c> (the projects are built as
/// references of this test project, in its configuration) into a temporary folder, deleted afterwards.
/// </summary>
public sealed partial class PackedSdk : IAsyncLifetime
{
    public static readonly string[] PackageIds = ["Restate.Sdk", "Restate.Sdk.Clients", "Restate.Sdk.Local"];

    private readonly string _root = Directory.CreateTempSubdirectory("restate-packages-").FullName;

    /// <summary>The folder with the .nupkg and .snupkg files: a local NuGet feed.</summary>
    public string Feed => Path.Combine(_root, "feed");

    /// <summary>The one version all three packages carry.</summary>
    public string Version { get; private set; } = "";

    /// <summary>What <c>scripts/pack.sh</c> printed.</summary>
    public string PackOutput { get; private set; } = "";

    public string PackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.nupkg");

    public string SymbolPackagePath(string id) => Path.Combine(Feed, $"{id}.{Version}.snupkg");

    public async Task InitializeAsync()
    {
        var temp = Directory.CreateDirectory(Path.Combine(_root, "tmp")).FullName;
        var pack = ChildProcesses.Command(
            Path.Combine(RepositoryLayout.Root, "scripts", "pack.sh"), RepositoryLayout.Root, temp, Feed, "--no-build");
        pack.Environment["CONFIGURATION"] = RepositoryLayout.Configuration;
        var result = (await ChildProcesses.RunAsync(pack, TimeSpan.FromMinutes(5))).EnsureSuccess();
        PackOutput = result.Output;

        var versions = PackageIds.Select(FindVersion).Distinct().ToList();
        Version = versions.Count == 1
            ? versions[0]
            : throw new InvalidOperationException("The packages carry different versions: " + string.Join(", ", versions));
    }

    public Task DisposeAsync()
    {
        Directory.Delete(_root, recursive: true);
        return Task.CompletedTask;
    }

    private string FindVersion(string id)
    {
        var versions = Directory.GetFiles(Feed, "*.nupkg")
            .Select(Path.GetFileName)
            .Select(name => PackageFileName().Match(name!))
            .Where(match => match.Success && match.Groups["id"].Value == id)
            .Select(match => match.Groups["version"].Value)
            .ToList();
        return versions.Count == 1
            ? versions[0]
            : throw new InvalidOperationException($"Expected one {id} package in {Feed}, found {versions.Count}:{Environment.NewLine}{PackOutput}");
    }

    [GeneratedRegex(@"^(?<id>.+?)\.(?<version>\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex PackageFileName();
}

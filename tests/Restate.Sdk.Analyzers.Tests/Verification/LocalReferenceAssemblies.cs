using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;

namespace Restate.Sdk.Analyzers.Tests.Verification;

/// <summary>
/// Compiles test sources against the reference pack of the installed .NET SDK, so tests never download a
/// reference-assembly package (the testing library's ReferenceAssemblies.Net.* would fetch one from NuGet).
/// </summary>
internal static class LocalReferenceAssemblies
{
    /// <summary>A target framework with no package to resolve: the references come from <see cref="References"/>.</summary>
    public static ReferenceAssemblies None { get; } = new("net10.0");

    public static ImmutableArray<MetadataReference> References { get; } = Load();

    private static ImmutableArray<MetadataReference> Load()
    {
        var paths = FindReferencePack() is { } referencePack
            ? Directory.GetFiles(referencePack, "*.dll")
            : ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return [.. paths.Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))];
    }

    /// <summary>dotnet/packs/Microsoft.NETCore.App.Ref/{newest version}/ref/net{major}.{minor}, found from the running runtime.</summary>
    private static string? FindReferencePack()
    {
        var runtimeDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var dotnetRoot = Path.GetFullPath(Path.Combine(runtimeDirectory, "..", "..", ".."));
        var packs = Path.Combine(dotnetRoot, "packs", "Microsoft.NETCore.App.Ref");
        var framework = $"net{Environment.Version.Major}.{Environment.Version.Minor}";
        return Directory.Exists(packs)
            ? Directory.GetDirectories(packs)
                .Select(version => Path.Combine(version, "ref", framework))
                .Where(Directory.Exists)
                .OrderByDescending(path => Version.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(path))), out var v) ? v : null)
                .FirstOrDefault()
            : null;
    }
}

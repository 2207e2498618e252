using System.Runtime.InteropServices;
using System.Text.Json;

namespace Restate.Sdk.Local.Internal;

/// <summary>Finds the folder that pins restate-server in its package.json, and the binary npm puts below it.</summary>
internal static class RestateToolsLocator
{
    public const string ServerPackage = "@restatedev/restate-server";

    private static readonly string[] DependencySections = ["dependencies", "devDependencies", "optionalDependencies"];

    /// <summary>The explicit folder, or the first folder up from the current directory or the app's base directory.</summary>
    public static string FindToolsDirectory(string? explicitDirectory)
    {
        if (explicitDirectory is not null)
        {
            var full = Path.GetFullPath(explicitDirectory);
            if (!PinsServer(full))
            {
                throw new LocalRestateServerException(
                    $"The tools directory '{full}' has no package.json that lists {ServerPackage}.");
            }

            return full;
        }

        string[] starts = [Directory.GetCurrentDirectory(), AppContext.BaseDirectory];
        foreach (var start in starts)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (PinsServer(dir.FullName))
                {
                    return dir.FullName;
                }
            }
        }

        throw new LocalRestateServerException(
            $"No package.json listing {ServerPackage} was found above '{starts[0]}' or '{starts[1]}'. "
            + "Run from inside the repository, or set ToolsDirectory or ServerBinaryPath.");
    }

    /// <summary>Where npm installs the platform binary, e.g. <c>node_modules/@restatedev/restate-server-linux-x64/bin/restate-server</c>.</summary>
    public static string ServerBinaryPath(string toolsDirectory) =>
        Path.Combine(toolsDirectory, "node_modules", "@restatedev", "restate-server-" + PlatformSuffix(), "bin", "restate-server");

    public static bool PinsServer(string directory)
    {
        var packageJson = Path.Combine(directory, "package.json");
        if (!File.Exists(packageJson))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(File.ReadAllBytes(packageJson));
            return DependencySections.Any(section =>
                document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty(section, out var deps)
                && deps.ValueKind == JsonValueKind.Object
                && deps.TryGetProperty(ServerPackage, out _));
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string PlatformSuffix()
    {
        var os = OperatingSystem.IsLinux() ? "linux"
            : OperatingSystem.IsMacOS() ? "darwin"
            : throw new PlatformNotSupportedException(
                "restate-server is published on npm for Linux and macOS only; on Windows run it in WSL or a container.");
        var arch = RuntimeInformation.OSArchitecture switch
        {
            Architecture.X64 => "x64",
            Architecture.Arm64 => "arm64",
            var other => throw new PlatformNotSupportedException($"restate-server is not published for {other}."),
        };
        return $"{os}-{arch}";
    }
}

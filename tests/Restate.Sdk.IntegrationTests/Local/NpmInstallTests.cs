using System.Runtime.Versioning;
using Restate.Sdk.Local;

namespace Restate.Sdk.IntegrationTests.Local;

/// <summary>
/// The install path, in a throw-away tools folder that pins the server but has no node_modules. A real
/// <c>npm install</c> is not run here (it downloads ~220 MB); these cover what happens when npm is missing or fails.
/// </summary>
public sealed class NpmInstallTests : IDisposable
{
    private readonly string _toolsDirectory = Directory.CreateTempSubdirectory("restate-npm-").FullName;

    public NpmInstallTests() =>
        File.WriteAllText(
            Path.Combine(_toolsDirectory, "package.json"),
            """{"private": true, "dependencies": {"@restatedev/restate-server": "1.7.12"}}""");

    [Fact]
    public async Task Without_npm_the_error_says_how_to_install()
    {
        var error = await Assert.ThrowsAsync<LocalRestateServerException>(() => LocalRestateServer.StartAsync(new LocalRestateServerOptions
        {
            ToolsDirectory = _toolsDirectory,
            NpmCommand = "/nonexistent/bin/npm",
        }));

        Assert.Contains("npm", error.Message, StringComparison.Ordinal);
        Assert.Contains(_toolsDirectory, error.Message, StringComparison.Ordinal);
        Assert.Contains("ServerBinaryPath", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    [UnsupportedOSPlatform("windows")]
    public async Task A_failing_npm_install_reports_its_exit_code_and_output()
    {
        var fakeNpm = Path.Combine(_toolsDirectory, "fake-npm.sh");
        await File.WriteAllTextAsync(fakeNpm, "#!/bin/sh\necho \"npm args: $*\"\necho 'E404 package not found' >&2\nexit 7\n");
        File.SetUnixFileMode(fakeNpm, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var error = await Assert.ThrowsAsync<LocalRestateServerException>(() => LocalRestateServer.StartAsync(new LocalRestateServerOptions
        {
            ToolsDirectory = _toolsDirectory,
            NpmCommand = fakeNpm,
        }));

        Assert.Contains("exit code 7", error.Message, StringComparison.Ordinal);
        Assert.Contains("npm args: install --no-audit --no-fund", error.LogTail);
        Assert.Contains("E404 package not found", error.LogTail);
    }

    [Fact]
    public async Task With_install_disabled_the_error_names_the_missing_binary()
    {
        var error = await Assert.ThrowsAsync<LocalRestateServerException>(() => LocalRestateServer.StartAsync(new LocalRestateServerOptions
        {
            ToolsDirectory = _toolsDirectory,
            InstallIfMissing = false,
        }));

        Assert.Contains("not installed", error.Message, StringComparison.Ordinal);
        Assert.Contains("npm install", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_toolsDirectory, recursive: true);
}

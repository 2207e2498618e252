using Restate.Sdk.Local.Internal;

namespace Restate.Sdk.IntegrationTests.Local;

public sealed class RestateToolsLocatorTests
{
    [Fact]
    public void Finds_the_repository_package_json_by_walking_up_from_the_test_run()
    {
        var toolsDirectory = RestateToolsLocator.FindToolsDirectory(null);

        Assert.True(RestateToolsLocator.PinsServer(toolsDirectory));
        Assert.True(File.Exists(RestateToolsLocator.ServerBinaryPath(toolsDirectory)), "the pinned binary is installed");
    }

    [Fact]
    public void Only_a_package_json_that_lists_the_server_counts()
    {
        var dir = Directory.CreateTempSubdirectory("restate-locator-").FullName;
        try
        {
            var packageJson = Path.Combine(dir, "package.json");
            Assert.False(RestateToolsLocator.PinsServer(dir));

            File.WriteAllText(packageJson, """{"dependencies": {"left-pad": "1.3.0"}}""");
            Assert.False(RestateToolsLocator.PinsServer(dir));

            File.WriteAllText(packageJson, "{ not json");
            Assert.False(RestateToolsLocator.PinsServer(dir));

            File.WriteAllText(packageJson, """{"devDependencies": {"@restatedev/restate-server": "1.7.12"}}""");
            Assert.True(RestateToolsLocator.PinsServer(dir));
            Assert.Equal(dir, RestateToolsLocator.FindToolsDirectory(dir));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}

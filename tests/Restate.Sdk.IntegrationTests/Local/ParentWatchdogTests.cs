using System.Diagnostics;
using Restate.Sdk.Local.Internal;

namespace Restate.Sdk.IntegrationTests.Local;

/// <summary>The guard that ends a server whose parent process died without disposing it.</summary>
public sealed class ParentWatchdogTests
{
    [Fact]
    public async Task Kills_the_server_once_the_parent_is_gone()
    {
        using var parent = StartSleep();
        using var server = StartSleep();
        using var watchdog = ParentWatchdog.Start(server.Id, parent.Id);

        await Task.Delay(1500);
        Assert.False(server.HasExited, "the server lives while its parent does");

        parent.Kill();
        await parent.WaitForExitAsync();

        await server.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(server.HasExited);
    }

    [Fact]
    public async Task Leaves_the_parent_alone_and_ends_itself_when_the_server_stops_first()
    {
        using var parent = StartSleep();
        using var server = StartSleep();
        using var watchdog = ParentWatchdog.Start(server.Id, parent.Id);

        server.Kill();
        await server.WaitForExitAsync();
        await Task.Delay(2500);

        Assert.False(parent.HasExited);
        parent.Kill();
    }

    private static Process StartSleep()
    {
        var startInfo = new ProcessStartInfo("sleep", "60") { UseShellExecute = false };
        return Process.Start(startInfo) ?? throw new InvalidOperationException("could not start sleep");
    }
}

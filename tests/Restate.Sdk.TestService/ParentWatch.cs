using System.Diagnostics;
using Microsoft.Extensions.Hosting;

namespace Restate.Sdk.TestService;

/// <summary>Stops the service when the test process that started it is gone (e.g. a test run was aborted).</summary>
internal sealed class ParentWatch(int parentProcessId, IHostApplicationLifetime lifetime) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            if (!IsAlive(parentProcessId))
            {
                lifetime.StopApplication();
                return;
            }
        }
    }

    private static bool IsAlive(int processId)
    {
        try
        {
            using var process = Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

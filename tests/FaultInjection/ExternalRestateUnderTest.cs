using System.Diagnostics;

namespace SkAgentSession.FaultInjection;

/// <summary>A Restate started by someone else (e.g. cluster/run.sh); its fault is the SIGKILL of one node, given by process id.</summary>
internal sealed class ExternalRestateUnderTest(IReadOnlyList<RestateAccessPoint> accessPoints, int? nodeToKill, IReadOnlyList<int> processIds) : IRestateUnderTest
{
    public string Description =>
        $"external Restate, {AccessPoints.Count} access point(s): "
        + string.Join(", ", AccessPoints.Select(p => $"ingress {p.IngressUrl} admin {p.AdminUrl}"));

    public IReadOnlyList<RestateAccessPoint> AccessPoints => accessPoints;

    public IReadOnlyList<int> ProcessIds => processIds;

    /// <summary>Whether the node is still there to kill: a run after the one that killed it goes on without the fault.</summary>
    public bool CanInjectFault => nodeToKill is { } pid && IsRunning(pid);

    public Task<FaultEvent> InjectFaultAsync(Random random, TimeSpan at, int turnsInFlight)
    {
        if (nodeToKill is not { } pid)
        {
            throw new InvalidOperationException("No Restate node to kill was given.");
        }

        var startedAt = DateTimeOffset.UtcNow;
        using var node = Process.GetProcessById(pid);
        node.Kill();
        node.WaitForExit(TimeSpan.FromSeconds(10));
        return Task.FromResult(new FaultEvent(at, startedAt, "SIGKILL, not restarted", $"Restate node (pid {pid})", turnsInFlight, TimeSpan.Zero, StruckRestate: true));
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

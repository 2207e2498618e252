namespace Restate.Sdk.Bench.Load;

/// <summary>One side of the comparison: its ingress (its own restate-server) and the processes whose CPU is measured.</summary>
internal sealed class BenchSide(string name, Uri ingress, int servicePid, int serverPid) : IDisposable
{
    private const string ObjectName = "BenchObject";
    private const string HandlerName = "append";

    public string Name { get; } = name;

    public IngressClient Client { get; } = new(ingress, ObjectName, HandlerName);

    public int ServicePid { get; } = servicePid;

    public int ServerPid { get; } = serverPid;

    public void Dispose() => Client.Dispose();
}

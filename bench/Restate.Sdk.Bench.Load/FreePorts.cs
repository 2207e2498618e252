using System.Net;
using System.Net.Sockets;

namespace Restate.Sdk.Bench.Load;

/// <summary>Asks the kernel for distinct free loopback ports (all held open together, then released).</summary>
internal static class FreePorts
{
    public static IReadOnlyList<int> Take(int count)
    {
        var listeners = Enumerable.Range(0, count).Select(_ => new TcpListener(IPAddress.Loopback, 0)).ToList();
        try
        {
            listeners.ForEach(l => l.Start());
            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToList();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}

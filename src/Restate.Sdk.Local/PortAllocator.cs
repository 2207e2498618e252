using System.Net;
using System.Net.Sockets;

namespace Restate.Sdk.Local;

/// <summary>Hands out free TCP ports on 127.0.0.1, never the same one twice in this process.</summary>
/// <remarks>
/// The port is free when returned, but nothing holds it: another process may take it before it is bound.
/// <see cref="LocalRestateServer"/> retries with new ports when the server cannot bind.
/// </remarks>
public static class PortAllocator
{
    private static readonly HashSet<int> HandedOut = [];
    private static readonly Lock Gate = new();

    /// <summary>A free TCP port on 127.0.0.1 that this process has not handed out before.</summary>
    public static int GetFreeLoopbackPort()
    {
        lock (Gate)
        {
            for (var attempt = 0; attempt < 100; attempt++)
            {
                using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
                var port = ((IPEndPoint)listener.LocalEndPoint!).Port;
                if (HandedOut.Add(port))
                {
                    return port;
                }
            }

            throw new InvalidOperationException("Could not find a free loopback port that was not handed out before.");
        }
    }
}

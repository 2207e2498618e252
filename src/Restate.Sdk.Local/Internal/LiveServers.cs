using System.Collections.Concurrent;

namespace Restate.Sdk.Local.Internal;

/// <summary>Servers started by this process, killed when it exits in case a caller forgot to dispose one.</summary>
internal static class LiveServers
{
    private static readonly ConcurrentDictionary<LocalRestateServer, byte> Servers = new();

    static LiveServers() => AppDomain.CurrentDomain.ProcessExit += (_, _) => KillAll();

    public static void Add(LocalRestateServer server) => Servers.TryAdd(server, 0);

    public static void Remove(LocalRestateServer server) => Servers.TryRemove(server, out _);

    private static void KillAll()
    {
        foreach (var server in Servers.Keys)
        {
            server.Kill();
        }
    }
}

using System.Diagnostics;
using Restate.Sdk.Local;

namespace SkAgentSession.FaultInjection;

/// <summary>A restate-server of our own on free loopback ports; its fault is a graceful stop, a pause, and a restart.</summary>
internal sealed class LocalRestateUnderTest : IRestateUnderTest
{
    private readonly LocalRestateServer _server;

    private LocalRestateUnderTest(LocalRestateServer server)
    {
        _server = server;
    }

    public string Description => $"one restate-server (ingress {_server.IngressUrl}, admin {_server.AdminUrl})";

    public IReadOnlyList<int> ProcessIds => [_server.Pid];

    public IReadOnlyList<RestateAccessPoint> AccessPoints => [new(_server.IngressUrl, _server.AdminUrl)];

    public bool CanInjectFault => true;

    public static async Task<LocalRestateUnderTest> StartAsync(string baseDirectory) =>
        new(await LocalRestateServer.StartAsync(new LocalRestateServerOptions
        {
            ToolsDirectory = RepositoryLayout.Root,
            BaseDirectory = baseDirectory,
            KillOnDispose = true,
        }));

    public async Task<FaultEvent> InjectFaultAsync(Random random, TimeSpan at, int turnsInFlight)
    {
        var startedAt = DateTimeOffset.UtcNow;
        var clock = Stopwatch.StartNew();
        await _server.StopAsync();
        await Task.Delay(TimeSpan.FromMilliseconds(random.Next(1000, 3000)));
        await _server.RestartAsync();
        return new FaultEvent(at, startedAt, "stop (SIGTERM) + restart", "restate-server", turnsInFlight, clock.Elapsed, StruckRestate: true);
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}

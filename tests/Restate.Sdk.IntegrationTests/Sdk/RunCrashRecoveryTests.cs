using Restate.Sdk.Clients;
using Restate.Sdk.IntegrationTests.Fixtures;
using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>
/// Exactly-once side effects across a crash: the test service (its own process) runs a side effect in <c>ctx.Run</c>,
/// then holds; the test kills it with SIGKILL right there and starts it again on the same port. Restate retries the
/// invocation, the new process replays the journaled run instead of executing it, and the invocation completes.
/// </summary>
public sealed class RunCrashRecoveryTests(RestateServerFixture restate) : IClassFixture<RestateServerFixture>, IDisposable
{
    private readonly DirectoryInfo _workRoot = Directory.CreateTempSubdirectory("restate-sdk-crash-");
    private readonly HttpClient _ingressHttp = new() { BaseAddress = restate.IngressUrl, Timeout = TimeSpan.FromSeconds(60) };

    [Theory]
    [InlineData("bidi")]
    [InlineData("request-response")]
    public async Task A_run_completes_exactly_once_when_the_service_is_killed_right_after_it_and_restarted(string mode)
    {
        var work = Path.Combine(_workRoot.FullName, mode);
        var sideEffects = Path.Combine(work, "side-effects.log");
        var afterRun = Path.Combine(work, "after-run.log");
        var tag = "entry-" + mode;
        await using var service = new TestServiceProcess(mode, work);
        await service.StartAsync();
        await restate.RegisterDeploymentAsync(service.Url, useHttp11: service.UsesHttp11);
        var ingress = new RestateIngressClient(_ingressHttp);

        var call = ingress.CallRawAsync(IngressTarget.ForService("SideEffects", "appendOnce"), tag);
        await Eventually.Until(() => Lines(afterRun), lines => lines.Length > 0, "the handler to get past its run", TimeSpan.FromSeconds(30));
        service.Kill();
        var sideEffectsAtCrash = Lines(sideEffects);
        await File.WriteAllTextAsync(Path.Combine(work, "release"), "");
        await service.StartAsync();
        var response = await call;

        Assert.True(response.IsSuccess, $"{(int)response.StatusCode} {response.BodyText}\n{service.Output}");
        Assert.Equal($"\"appended {tag}\"", response.BodyText);
        Assert.Equal([tag], sideEffectsAtCrash);

        // One execution of the side effect in all; the restarted process got past the run by replaying its result.
        Assert.Equal([tag], Lines(sideEffects));
        Assert.Equal([tag, tag], Lines(afterRun));
    }

    public void Dispose()
    {
        _ingressHttp.Dispose();
        _workRoot.Delete(recursive: true);
    }

    private static string[] Lines(string path) => File.Exists(path) ? File.ReadAllLines(path) : [];
}

using Restate.Sdk.Clients;
using Restate.Sdk.IntegrationTests.Fixtures;
using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>
/// <c>Task.WhenAll</c> over three runs (<c>ConcurrentRuns</c> in the test service, its own process): a failed
/// attempt of one run, or a SIGKILL while one still executes, makes Restate retry the invocation, and the new attempt
/// must replay the three runs (all started before any is awaited) without a journal mismatch. Every run's side
/// effect happens exactly once.
/// </summary>
public sealed class WhenAllRunsTests(RestateServerFixture restate) : IClassFixture<RestateServerFixture>, IDisposable
{
    private static readonly TimeSpan InvocationTimeout = TimeSpan.FromSeconds(20);
    private readonly DirectoryInfo _workRoot = Directory.CreateTempSubdirectory("restate-sdk-whenall-");

    [Theory]
    [InlineData("bidi")]
    [InlineData("request-response")]
    public async Task WhenAll_over_runs_completes_when_one_run_fails_its_first_attempt(string mode)
    {
        var work = Path.Combine(_workRoot.FullName, mode);
        var tag = "retry-" + mode;
        await using var service = await StartServiceAsync(mode, work);

        var sent = await restate.Ingress.SendAsync(IngressTarget.ForService("ConcurrentRuns", "allWithRetry"), tag);
        var response = await restate.AttachWithinAsync(sent.InvocationId, InvocationTimeout, service);

        Assert.True(response.IsSuccess, $"{(int)response.StatusCode} {response.BodyText}\n{service.Output}");
        Assert.Equal($"\"a:{tag},b:{tag},c:{tag}\"", response.BodyText);
        Assert.Equal(["a", "b", "c"], Lines(work, "side-effects.log").Order(StringComparer.Ordinal));
        Assert.Equal(["a", "a", "b", "c"], Lines(work, "run-attempts.log").Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("bidi")]
    [InlineData("request-response")]
    public async Task WhenAll_over_runs_completes_when_the_service_is_killed_while_one_run_executes(string mode)
    {
        var work = Path.Combine(_workRoot.FullName, mode);
        var tag = "crash-" + mode;
        await using var service = await StartServiceAsync(mode, work);

        var sent = await restate.Ingress.SendAsync(IngressTarget.ForService("ConcurrentRuns", "allWithCrash"), tag);

        // Run a is done and b holds (c may be done too: runs may execute together or one after another), and the
        // journal holds the result of every run that is done; killing before that would legitimately run it again.
        var atCrash = await Eventually.Until(
            async () => (
                Done: Lines(work, "side-effects.log"),
                BHolds: Lines(work, "run-attempts.log").Contains("b"),
                Journaled: await JournaledRunResultsAsync(sent.InvocationId)),
            state => state.Done.Contains("a") && state.BHolds && state.Journaled == state.Done.Length,
            "run a to be done and journaled while run b holds",
            TimeSpan.FromSeconds(15));
        service.Kill();
        await File.WriteAllTextAsync(Path.Combine(work, "release"), "");
        await service.StartAsync();
        var response = await restate.AttachWithinAsync(sent.InvocationId, InvocationTimeout, service);

        Assert.True(response.IsSuccess, $"{(int)response.StatusCode} {response.BodyText}\n{service.Output}");
        Assert.Equal($"\"a:{tag},b:{tag},c:{tag}\"", response.BodyText);
        Assert.DoesNotContain("b", atCrash.Done);
        Assert.Equal(["a", "b", "c"], Lines(work, "side-effects.log").Order(StringComparer.Ordinal));

        // b started in both processes (it held when the first was killed); a and c ran once in all.
        Assert.Equal(["a", "b", "b", "c"], Lines(work, "run-attempts.log").Order(StringComparer.Ordinal));
    }

    public void Dispose() => _workRoot.Delete(recursive: true);

    private async Task<int> JournaledRunResultsAsync(string invocationId)
    {
        var rows = await restate.Admin.QueryAsync(
            $"SELECT index FROM sys_journal WHERE id = '{invocationId}' AND entry_type = 'Notification: Run'");
        return rows.Count;
    }

    private async Task<TestServiceProcess> StartServiceAsync(string mode, string work)
    {
        var service = new TestServiceProcess(mode, work);
        await service.StartAsync();
        await restate.RegisterDeploymentAsync(service.Url, useHttp11: service.UsesHttp11);
        return service;
    }

    private static string[] Lines(string work, string file)
    {
        var path = Path.Combine(work, file);
        return File.Exists(path) ? File.ReadAllLines(path) : [];
    }
}

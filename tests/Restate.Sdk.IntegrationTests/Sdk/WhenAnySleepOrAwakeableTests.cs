using Restate.Sdk.Clients;
using Restate.Sdk.IntegrationTests.Fixtures;
using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>
/// <c>Task.WhenAny</c> of a sleep and an awakeable (<c>SleepOrAwakeable</c> in the test service): the attempt suspends
/// while it waits, and whichever of the two completes must resume it within seconds. That holds only if the
/// suspension names both the timer and the awakeable.
/// </summary>
public sealed class WhenAnySleepOrAwakeableTests(RestateServerFixture restate) : IClassFixture<RestateServerFixture>, IDisposable
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(15);
    private static readonly IngressTarget Wait = IngressTarget.ForService("SleepOrAwakeable", "wait");
    private readonly DirectoryInfo _workRoot = Directory.CreateTempSubdirectory("restate-sdk-whenany-");

    [Theory]
    [InlineData("bidi")]
    [InlineData("request-response")]
    public async Task WhenAny_of_an_hour_sleep_and_an_awakeable_completes_soon_after_the_awakeable_is_resolved(string mode)
    {
        await using var service = await StartServiceAsync(mode);

        var sent = await restate.Ingress.SendAsync(Wait, (int)TimeSpan.FromHours(1).TotalMilliseconds);
        var awakeableId = await AwakeableIdAsync(service);
        await SuspendedAsync(sent.InvocationId);
        await restate.Ingress.ResolveAwakeableAsync(awakeableId, "resolved");
        var response = await restate.AttachWithinAsync(sent.InvocationId, Prompt, service);

        Assert.True(response.IsSuccess, $"{(int)response.StatusCode} {response.BodyText}\n{service.Output}");
        Assert.Equal("\"awakeable: resolved\"", response.BodyText);
    }

    /// <summary>The other half: with the awakeable never resolved, the timer alone must resume the suspended attempt.</summary>
    [Theory]
    [InlineData("bidi")]
    [InlineData("request-response")]
    public async Task WhenAny_of_a_short_sleep_and_an_awakeable_completes_when_the_sleep_ends(string mode)
    {
        await using var service = await StartServiceAsync(mode);

        // Longer than the service's 1 s inactivity timeout, so also the bidi attempt suspends before the timer fires.
        var sent = await restate.Ingress.SendAsync(Wait, 4000);
        await AwakeableIdAsync(service);
        await SuspendedAsync(sent.InvocationId);
        var response = await restate.AttachWithinAsync(sent.InvocationId, Prompt, service);

        Assert.True(response.IsSuccess, $"{(int)response.StatusCode} {response.BodyText}\n{service.Output}");
        Assert.Equal("\"slept\"", response.BodyText);
    }

    public void Dispose() => _workRoot.Delete(recursive: true);

    private async Task<TestServiceProcess> StartServiceAsync(string mode)
    {
        var service = new TestServiceProcess(mode, Path.Combine(_workRoot.FullName, mode));
        await service.StartAsync();
        await restate.RegisterDeploymentAsync(service.Url, useHttp11: service.UsesHttp11);
        return service;
    }

    private static Task<string> AwakeableIdAsync(TestServiceProcess service)
    {
        var path = Path.Combine(service.WorkDirectory, "awakeable-id");
        return Eventually.Until(
            () => File.Exists(path) ? File.ReadAllText(path) : "", id => id.Length > 0, "the handler to write its awakeable id", Prompt);
    }

    /// <summary>Waits until the attempt has suspended: from then on only what the suspension names can resume it.</summary>
    private Task<string?> SuspendedAsync(string invocationId) =>
        Eventually.Until(() => StatusAsync(invocationId), status => status == "suspended", "the invocation to suspend", Prompt);

    private async Task<string?> StatusAsync(string invocationId)
    {
        var rows = await restate.Admin.QueryAsync($"SELECT status FROM sys_invocation WHERE id = '{invocationId}'");
        return rows.Count == 0 ? null : rows[0].GetProperty("status").GetString();
    }
}

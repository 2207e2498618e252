using Restate.Sdk.Clients;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>The restate-server itself crashes (SIGKILL) while an invocation runs on our endpoint, and restarts.</summary>
public sealed class ServerCrashTests(ServerCrashEnvironment env) : IClassFixture<ServerCrashEnvironment>
{
    [Fact]
    public async Task An_invocation_resumes_after_a_server_crash_with_its_journaled_run_and_timer()
    {
        var sent = await env.Ingress.SendAsync(
            IngressTarget.ForService("Journey", "travel"), "t1", new IngressSendOptions { IdempotencyKey = "journey-1" });
        var booking = await env.Probe.WaitForAsync("booked:t1");

        env.Server.Kill();
        await env.Server.RestartAsync();
        var result = await env.Ingress.AttachAsync<string>(InvocationQuery.ById(sent.InvocationId));

        Assert.Equal("booking 1", booking);
        Assert.Equal("t1 arrived with booking 1", result);
        Assert.Equal(1, env.Probe.Count("bookings:t1"));
        Assert.True(env.Probe.Count("journey attempts:t1") >= 2, "The invocation should have been retried after the restart.");
    }
}

using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests.Approvals;

/// <summary>
/// A turn waiting for an approval survives a crash of the service and a restart of restate-server, in
/// both durability modes; each fault costs no repeated model request. Its own Restate and app, since
/// these tests break them.
/// </summary>
public sealed class ApprovalFaultTests(SessionEnvironment env) : IClassFixture<SessionEnvironment>
{
    /// <summary>
    /// The seat change needs two model requests in both modes: the one that calls update_seat, and,
    /// after the tool ran, the one that words the reply. In step mode they are the steps
    /// <c>model request 1</c> and <c>model request 2</c>; in turn mode <c>agent turn</c> ends with the
    /// first (it stops where update_seat waits) and <c>agent turn (after approval)</c> runs the tool
    /// and the second. Both steps of either mode are journaled before or after the wait, so neither
    /// fault repeats a request.
    /// </summary>
    private const int SeatChangeModelRequests = 2;

    [Theory]
    [InlineData("turn")]
    [InlineData("step")]
    public async Task A_turn_waiting_for_an_approval_completes_after_the_service_was_killed_and_restarted(string durability)
    {
        var session = SessionEnvironment.NewSessionId();
        var flow = new ApprovalFlow(env, session);
        var key = "key-" + session;
        var callId = ApprovalFlow.CallId(await flow.StartSeatChangeAsync(durability, key));
        Assert.Equal(1, env.ModelRequestsFor(flow.SeatChangeMessage));

        env.App.Kill();
        await env.App.StartAsync();

        await AssertApprovalCompletesTheTurnAsync(flow, key, callId);
    }

    [Theory]
    [InlineData("turn")]
    [InlineData("step")]
    public async Task A_turn_waiting_for_an_approval_completes_after_restate_server_was_restarted(string durability)
    {
        var session = SessionEnvironment.NewSessionId();
        var flow = new ApprovalFlow(env, session);
        var key = "key-" + session;
        var callId = ApprovalFlow.CallId(await flow.StartSeatChangeAsync(durability, key));
        Assert.Equal(1, env.ModelRequestsFor(flow.SeatChangeMessage));

        await env.Restate.StopAsync();
        await env.Restate.RestartAsync();

        Assert.Equal("pending", (await flow.ApprovalItemAsync(callId)).GetProperty("status").GetString());
        await AssertApprovalCompletesTheTurnAsync(flow, key, callId);
    }

    private async Task AssertApprovalCompletesTheTurnAsync(ApprovalFlow flow, string key, string callId)
    {
        await flow.ApproveAsync(callId);

        var reply = await flow.ReplyAsync(key);

        Assert.StartsWith("Done! Updated seat to 12A", reply.GetProperty("reply").GetString(), StringComparison.Ordinal);
        Assert.Equal("approved", (await flow.ApprovalItemAsync(callId)).GetProperty("status").GetString());
        Assert.StartsWith("Updated seat to 12A", (await flow.ToolResultItemAsync(callId)).GetProperty("result").GetString(), StringComparison.Ordinal);
        Assert.Equal(SeatChangeModelRequests, env.ModelRequestsFor(flow.SeatChangeMessage));
    }
}

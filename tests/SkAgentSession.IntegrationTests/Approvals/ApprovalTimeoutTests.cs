using System.Net;

namespace SkAgentSession.IntegrationTests.Approvals;

/// <summary>Nobody decides: the approval times out, which counts as a rejection, in both durability modes.</summary>
[Collection(SharedApprovalTimeoutEnvironment.Name)]
public sealed class ApprovalTimeoutTests(ApprovalTimeoutEnvironment env)
{
    [Theory]
    [InlineData("turn")]
    [InlineData("step")]
    public async Task An_approval_nobody_gives_times_out_and_the_turn_ends_without_changing_the_seat(string durability)
    {
        var session = Fixtures.SessionEnvironment.NewSessionId();
        var flow = new ApprovalFlow(env, session);
        var key = "key-" + session;
        var waiting = await flow.StartSeatChangeAsync(durability, key);
        var callId = ApprovalFlow.CallId(waiting);
        var asked = DateTime.UtcNow;

        var reply = await flow.ReplyAsync(key);

        Assert.True(DateTime.UtcNow - asked > ApprovalTimeoutEnvironment.Timeout / 4, "the turn ended long before the approval could time out");
        Assert.StartsWith("I did not change your seat", reply.GetProperty("reply").GetString(), StringComparison.Ordinal);
        var item = await flow.ApprovalItemAsync(callId);
        Assert.Equal("timed_out", item.GetProperty("status").GetString());
        var result = await flow.ToolResultItemAsync(callId);
        Assert.StartsWith("Not run", result.GetProperty("result").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain(await flow.ItemsAsync(), i => i.TryGetProperty("result", out var r) && r.GetString()!.StartsWith("Updated seat", StringComparison.Ordinal));

        using var late = await flow.DecideAsync(callId, approved: true);
        Assert.Equal(HttpStatusCode.Conflict, late.StatusCode);
    }
}

using SkAgentSession.Agents;
using SkAgentSession.Agents.Loop;
using SkAgentSession.Airline;
using SkAgentSession.Tests.Support;

namespace SkAgentSession.Tests.Agents;

/// <summary>How the turn's actions stop at a tool that needs approval, and go on after the decision.</summary>
public sealed class ApprovalActionTests : IDisposable
{
    private readonly ScriptedHarness _harness = new();

    public void Dispose() => _harness.Dispose();

    [Fact]
    public async Task With_approvals_on_a_seat_change_stops_before_update_seat_runs()
    {
        var (history, progress) = await SeatChangeUpToTheCallAsync(approvals: true);

        var action = _harness.Runner.Next(progress, approvals: true);

        Assert.Equal(TurnActionKind.Approval, action.Kind);
        Assert.Equal(AirlineTools.UpdateSeatName, action.Name);
        Assert.False(action.IsStep);
        Assert.Null(progress.Context.SeatNumber);
        Assert.NotEmpty(history);
    }

    [Fact]
    public async Task With_approvals_off_the_same_call_is_simply_run()
    {
        var (_, progress) = await SeatChangeUpToTheCallAsync(approvals: false);

        Assert.Equal(TurnActionKind.Tool, _harness.Runner.Next(progress, approvals: false).Kind);
    }

    [Fact]
    public async Task An_approved_call_runs_and_the_turn_ends_with_the_seat_changed()
    {
        var (history, progress) = await SeatChangeUpToTheCallAsync(approvals: true);
        var callId = _harness.Runner.Next(progress, approvals: true).CallId!;

        progress = _harness.Runner.Decide(progress, callId, new ApprovalDecision { Approved = true }, _harness.Time.GetUtcNow());
        Assert.Equal(TurnActionKind.Tool, _harness.Runner.Next(progress, approvals: true).Kind);
        progress = await _harness.Runner.RunUntilPauseAsync(history, progress, approvals: true, TurnEventEmitter.Unobserved(), CancellationToken.None);

        Assert.True(progress.IsDone);
        Assert.Equal("12A", progress.Context.SeatNumber);
        Assert.StartsWith("Done! Updated seat to 12A", progress.Reply, StringComparison.Ordinal);
        Assert.Empty(progress.Approved);
    }

    [Fact]
    public async Task A_rejected_call_gets_a_not_run_result_with_the_comment_and_the_model_is_asked_again()
    {
        var (history, progress) = await SeatChangeUpToTheCallAsync(approvals: true);
        var callId = _harness.Runner.Next(progress, approvals: true).CallId!;

        progress = _harness.Runner.Decide(progress, callId, new ApprovalDecision { Approved = false, Comment = "not that one" }, _harness.Time.GetUtcNow());

        var result = Assert.IsType<ToolResultItem>(progress.Items[^1]);
        Assert.Equal(callId, result.CallId);
        Assert.StartsWith("Not run:", result.Result, StringComparison.Ordinal);
        Assert.Contains("not that one", result.Result, StringComparison.Ordinal);
        Assert.Equal(TurnActionKind.ModelRequest, _harness.Runner.Next(progress, approvals: true).Kind);

        progress = await _harness.Runner.RunUntilPauseAsync(history, progress, approvals: true, TurnEventEmitter.Unobserved(), CancellationToken.None);
        Assert.Null(progress.Context.SeatNumber);
        Assert.StartsWith("I did not change your seat", progress.Reply, StringComparison.Ordinal);
    }

    [Fact]
    public void A_timeout_counts_as_a_rejection_and_says_so()
    {
        Assert.False(ApprovalDecision.Timeout.Approved);
        Assert.Equal(ApprovalRequestItem.TimedOut, ApprovalDecision.Timeout.Status);
        Assert.Contains("in time", ApprovalDecision.Timeout.NotRunResult(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"approved": true, "comment": "fine"}""", true, "fine")]
    [InlineData("""{"approved": false}""", false, null)]
    [InlineData("""{"approved": "yes"}""", false, "The decision could not be read, so it counts as a rejection.")]
    [InlineData("""42""", false, "The decision could not be read, so it counts as a rejection.")]
    public void A_decision_is_read_from_what_the_awakeable_was_resolved_with(string payload, bool approved, string? comment)
    {
        var decision = ApprovalDecision.Read(System.Text.Json.JsonDocument.Parse(payload).RootElement);

        Assert.Equal((approved, comment), (decision.Approved, decision.Comment));
    }

    [Fact]
    public async Task Deciding_a_call_that_does_not_wait_is_refused()
    {
        var (_, progress) = await SeatChangeUpToTheCallAsync(approvals: true);

        Assert.Throws<InvalidOperationException>(() =>
            _harness.Runner.Decide(progress, "call_unknown", new ApprovalDecision { Approved = true }, _harness.Time.GetUtcNow()));
    }

    [Fact]
    public void Actions_name_their_durable_steps()
    {
        Assert.Equal("model request 3", new TurnAction(TurnActionKind.ModelRequest, RequestNumber: 3).StepName);
        Assert.Equal("tool update_seat call_1", new TurnAction(TurnActionKind.Tool, CallId: "call_1", Name: "update_seat").StepName);
        Assert.Equal("handoff call_2", new TurnAction(TurnActionKind.Handoff, CallId: "call_2", Name: "FAQ Agent").StepName);
        Assert.Throws<InvalidOperationException>(() => new TurnAction(TurnActionKind.Approval, CallId: "c", Name: "n").StepName);
    }

    /// <summary>A session handed to seat booking, then the message with the booking and the seat, run up to the update_seat call.</summary>
    private async Task<(IReadOnlyList<SessionItem> History, TurnProgress<AirlineContext> Progress)> SeatChangeUpToTheCallAsync(bool approvals)
    {
        var session = new SessionDriver(_harness);
        await session.SendAsync("I want to change my seat");
        List<SessionItem> items = [.. session.Items, MessageItem.FromUser(session.Agent, "ABC123, seat 12A please", _harness.Time.GetUtcNow())];
        var (history, progress) = _harness.Runner.Begin(new AgentTurnRequest<AirlineContext>(items, session.Agent, session.Context));
        progress = await _harness.Runner.ApplyAsync(history, progress, _harness.Runner.Next(progress, approvals), TurnEventEmitter.Unobserved(), CancellationToken.None);
        Assert.Single(progress.OpenCalls);
        return (history, progress);
    }
}

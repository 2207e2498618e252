using System.Diagnostics;
using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using Restate.Sdk.Tests.StateMachine;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.Telemetry;

/// <summary>The span of an invocation attempt and of its Run steps, over the frame-level harness.</summary>
[Collection(TelemetryListeners.Name)]
public sealed class InvocationSpanTests : IDisposable
{
    private readonly SpanCollector _spans = new();

    public void Dispose() => _spans.Dispose();

    [Fact]
    public async Task Attempt_span_continues_the_trace_context_Restate_sent_and_describes_the_invocation()
    {
        var remote = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
        var harness = InvocationHarness.Start((_, _) => Task.FromResult<object?>(1), remoteParent: remote);
        await harness.SendAsync(Start(1, key: "k1"), Input());
        await harness.ReadUntilTerminalAsync();
        await harness.FinishAsync();

        var span = Assert.Single(_spans.SdkSpansOf(remote.TraceId));
        Assert.Equal("Svc/handle", span.DisplayName);
        Assert.Equal(ActivityKind.Server, span.Kind);
        Assert.Equal(remote.SpanId, span.ParentSpanId);
        Assert.Equal("inv_test", span.GetTagItem("restate.invocation.id"));
        Assert.Equal("Svc/k1/handle", span.GetTagItem("restate.invocation.target"));
        Assert.Equal(1L, span.GetTagItem("restate.invocation.attempt"));
        Assert.Equal(false, span.GetTagItem("restate.invocation.replayed"));
        Assert.Equal("completed", span.GetTagItem("restate.invocation.outcome"));
        Assert.Equal(ActivityStatusCode.Unset, span.Status);
    }

    [Fact]
    public async Task A_service_handler_target_has_no_key()
    {
        var remote = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
        var harness = InvocationHarness.Start((_, _) => Task.FromResult<object?>(1), serviceKind: Restate.Sdk.Endpoint.ServiceKind.Service, remoteParent: remote);
        await harness.SendAsync(Start(1), Input());
        await harness.ReadUntilTerminalAsync();
        await harness.FinishAsync();

        Assert.Equal("Svc/handle", Assert.Single(_spans.SdkSpansOf(remote.TraceId)).GetTagItem("restate.invocation.target"));
    }

    [Fact]
    public async Task Without_a_trace_context_on_the_request_the_attempt_continues_the_one_in_the_input_headers()
    {
        // restate-server sends traceparent with the request only when its own tracing is on; the
        // headers of the call that started the invocation are in the journal's input either way.
        var caller = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded);
        var input = Command(new InputCommandMessage
        {
            Headers = { new Header { Key = "traceparent", Value = $"00-{caller.TraceId}-{caller.SpanId}-01" } },
            Value = Value("null"),
        });
        await InvocationHarness.RunAsync((_, _) => Task.FromResult<object?>(1), [Start(1), input]);

        var span = Assert.Single(_spans.SdkSpansOf(caller.TraceId));
        Assert.Equal(caller.SpanId, span.ParentSpanId);
        Assert.Equal(ActivityKind.Server, span.Kind);
    }

    [Fact]
    public async Task The_request_trace_context_wins_over_the_input_headers()
    {
        var request = new ActivityContext(ActivityTraceId.CreateRandom(), ActivitySpanId.CreateRandom(), ActivityTraceFlags.Recorded, isRemote: true);
        var caller = ActivityTraceId.CreateRandom();
        var input = Command(new InputCommandMessage
        {
            Headers = { new Header { Key = "traceparent", Value = $"00-{caller}-{ActivitySpanId.CreateRandom()}-01" } },
            Value = Value("null"),
        });
        var harness = InvocationHarness.Start((_, _) => Task.FromResult<object?>(1), remoteParent: request);
        await harness.SendAsync(Start(1), input);
        await harness.ReadUntilTerminalAsync();
        await harness.FinishAsync();

        Assert.Equal(request.SpanId, Assert.Single(_spans.SdkSpansOf(request.TraceId)).ParentSpanId);
        Assert.Empty(_spans.SdkSpansOf(caller));
    }

    [Fact]
    public async Task Executed_run_gets_a_child_span_that_parents_the_closures_own_spans()
    {
        using var root = SpanCollector.TestSource.StartActivity("test root")!;
        var harness = InvocationHarness.Start(async (ctx, _) => await ctx.Run("lookup", _ =>
        {
            using var inner = SpanCollector.TestSource.StartActivity("inside the step");
            return Task.FromResult(5);
        }));
        await harness.SendAsync(Start(1), Input());
        Assert.Equal(Command(new RunCommandMessage { ResultCompletionId = 1, Name = "lookup" }), await harness.ReadFrameAsync());
        Assert.Equal(Propose(1, "5"), await harness.ReadFrameAsync());
        await harness.SendAsync(Completion(MessageType.RunCompletionNotification, 1, "5"));
        await harness.ReadUntilTerminalAsync();
        await harness.FinishAsync();

        var spans = _spans.SpansOf(root.TraceId);
        var attempt = Assert.Single(spans, s => s.DisplayName == "Svc/handle");
        var run = Assert.Single(spans, s => s.DisplayName == "lookup");
        var inner = Assert.Single(spans, s => s.DisplayName == "inside the step");
        Assert.Equal(root.SpanId, attempt.ParentSpanId);
        Assert.Equal(ActivityKind.Internal, attempt.Kind);
        Assert.Equal(attempt.SpanId, run.ParentSpanId);
        Assert.Equal(run.SpanId, inner.ParentSpanId);
        Assert.Equal("lookup", run.GetTagItem("restate.run.name"));
    }

    [Fact]
    public async Task Replayed_run_with_a_stored_result_emits_no_span_and_the_attempt_says_it_replayed()
    {
        using var root = SpanCollector.TestSource.StartActivity("test root")!;
        var executions = 0;
        await InvocationHarness.RunAsync(
            async (ctx, _) => await ctx.Run("lookup", _ => Task.FromResult(++executions)),
            [Start(3, key: "k2", retryCount: 2), Input(), Command(new RunCommandMessage { ResultCompletionId = 1, Name = "lookup" }), Completion(MessageType.RunCompletionNotification, 1, "7")]);

        var spans = _spans.SdkSpansOf(root.TraceId);
        var attempt = Assert.Single(spans);
        Assert.Equal("Svc/handle", attempt.DisplayName);
        Assert.Equal(true, attempt.GetTagItem("restate.invocation.replayed"));
        Assert.Equal(3L, attempt.GetTagItem("restate.invocation.attempt"));
        Assert.Equal(3L, attempt.GetTagItem("restate.journal.known_entries"));
        Assert.Equal(0, executions);
    }

    [Fact]
    public async Task Failing_run_marks_its_span_as_an_error_and_the_attempt_as_failed()
    {
        using var root = SpanCollector.TestSource.StartActivity("test root")!;
        var harness = InvocationHarness.Start(async (ctx, _) => await ctx.Run<int>("flaky", _ => throw new TimeoutException("model timed out")));
        await harness.SendAsync(Start(1), Input());
        var frames = await harness.ReadUntilTerminalAsync();
        await harness.FinishAsync();

        Assert.Equal(MessageType.Error, frames[^1].Type);
        var spans = _spans.SdkSpansOf(root.TraceId);
        var run = Assert.Single(spans, s => s.DisplayName == "flaky");
        Assert.Equal(ActivityStatusCode.Error, run.Status);
        Assert.Equal(typeof(TimeoutException).FullName, run.GetTagItem("error.type"));
        var attempt = Assert.Single(spans, s => s.DisplayName == "Svc/handle");
        Assert.Equal("failed", attempt.GetTagItem("restate.invocation.outcome"));
        Assert.Equal(ActivityStatusCode.Error, attempt.Status);
    }

    [Fact]
    public async Task Suspended_attempt_says_so_and_its_resumption_replays_without_running_the_step_again()
    {
        using var root = SpanCollector.TestSource.StartActivity("test root")!;
        var executions = 0;
        Func<IWorkflowContext, ReadOnlyMemory<byte>, Task<object?>> handler = async (ctx, _) =>
        {
            var n = await ctx.Run("count", _ => Task.FromResult(++executions));
            await ctx.Sleep(TimeSpan.FromMinutes(1));
            return n;
        };

        var first = InvocationHarness.Start(handler);
        await first.SendAsync(Start(1), Input());
        Assert.Equal(Command(new RunCommandMessage { ResultCompletionId = 1, Name = "count" }), await first.ReadFrameAsync());
        Assert.Equal(Propose(1, "1"), await first.ReadFrameAsync());
        await first.SendAsync(Completion(MessageType.RunCompletionNotification, 1, "1"));
        await first.CloseInputAsync();
        Assert.Equal(MessageType.Suspension, (await first.ReadUntilTerminalAsync())[^1].Type);
        await first.FinishAsync();

        await InvocationHarness.RunAsync(
            handler,
            [
                Start(5), Input(),
                Command(new RunCommandMessage { ResultCompletionId = 1, Name = "count" }), Completion(MessageType.RunCompletionNotification, 1, "1"),
                Command(new SleepCommandMessage { WakeUpTime = 5, ResultCompletionId = 2 }), Completion(MessageType.SleepCompletionNotification, 2),
            ]);

        var spans = _spans.SdkSpansOf(root.TraceId);
        Assert.Single(spans, s => s.DisplayName == "count");
        var attempts = spans.Where(s => s.DisplayName == "Svc/handle").OrderBy(s => s.StartTimeUtc).ToList();
        Assert.Equal(2, attempts.Count);
        Assert.Equal("suspended", attempts[0].GetTagItem("restate.invocation.outcome"));
        Assert.Equal(false, attempts[0].GetTagItem("restate.invocation.replayed"));
        Assert.Equal("completed", attempts[1].GetTagItem("restate.invocation.outcome"));
        Assert.Equal(true, attempts[1].GetTagItem("restate.invocation.replayed"));
        Assert.Equal(1, executions);
    }

    [Fact]
    public async Task Without_a_listener_the_handler_runs_with_no_activity()
    {
        _spans.Dispose();
        Assert.False(Restate.Sdk.Telemetry.RestateTelemetry.Source.HasListeners());
        var seen = (Activity?)null;
        await InvocationHarness.RunAsync(
            (_, _) =>
            {
                seen = Activity.Current;
                return Task.FromResult<object?>(1);
            },
            [Start(1), Input()]);

        Assert.Null(seen);
    }
}

using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using Restate.Sdk.Tests.StateMachine;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.Telemetry;

/// <summary>The SDK's metrics: one set of measurements per invocation attempt, tagged by service and handler.</summary>
[Collection(TelemetryListeners.Name)]
public sealed class InvocationMetricsTests : IDisposable
{
    private readonly MeasurementCollector _metrics = new();

    public void Dispose() => _metrics.Dispose();

    [Fact]
    public async Task Completed_first_attempt_counts_an_invocation_an_attempt_and_its_duration()
    {
        const string service = "MetricsCompleted";
        await RunAsync(service, (_, _) => Task.FromResult<object?>(1), [Start(1), Input()]);

        Assert.Equal(1, Sum("restate.invocations", service));
        var attempt = Assert.Single(_metrics.Of("restate.invocation.attempts", service));
        Assert.Equal("completed", attempt.Tags["restate.invocation.outcome"]);
        Assert.Equal("handle", attempt.Tags["restate.handler"]);
        var duration = Assert.Single(_metrics.Of("restate.invocation.attempt.duration", service));
        Assert.InRange(duration.Value, 0, 10);
        Assert.Equal(0, Sum("restate.invocation.replays", service));
        Assert.Equal(0, Sum("restate.invocation.suspensions", service));
        Assert.Equal(0, Sum("restate.invocation.errors", service));
    }

    [Fact]
    public async Task Suspended_attempt_counts_a_suspension()
    {
        const string service = "MetricsSuspended";
        await RunAsync(
            service,
            async (ctx, _) =>
            {
                await ctx.Sleep(TimeSpan.FromMinutes(1));
                return 1;
            },
            [Start(1), Input()],
            closeInput: true);

        Assert.Equal(1, Sum("restate.invocation.suspensions", service));
        Assert.Equal("suspended", Assert.Single(_metrics.Of("restate.invocation.attempts", service)).Tags["restate.invocation.outcome"]);
    }

    [Fact]
    public async Task Replayed_attempt_counts_a_replay_and_no_new_invocation()
    {
        const string service = "MetricsReplayed";
        await RunAsync(
            service,
            async (ctx, _) => await ctx.Run("once", _ => Task.FromResult(1)),
            [Start(3), Input(), Command(new RunCommandMessage { ResultCompletionId = 1, Name = "once" }), Completion(MessageType.RunCompletionNotification, 1, "7")]);

        Assert.Equal(1, Sum("restate.invocation.replays", service));
        Assert.Equal(0, Sum("restate.invocations", service));
        Assert.Equal(1, Sum("restate.invocation.attempts", service));
    }

    [Fact]
    public async Task Failed_attempt_counts_an_error()
    {
        const string service = "MetricsFailed";
        await RunAsync(service, (_, _) => throw new InvalidOperationException("boom"), [Start(1), Input()]);

        Assert.Equal(1, Sum("restate.invocation.errors", service));
        Assert.Equal("failed", Assert.Single(_metrics.Of("restate.invocation.attempts", service)).Tags["restate.invocation.outcome"]);
    }

    private static async Task RunAsync(
        string service,
        Func<IWorkflowContext, ReadOnlyMemory<byte>, Task<object?>> handler,
        Frame[] input,
        bool closeInput = false)
    {
        var harness = InvocationHarness.Start(handler, serviceName: service);
        await harness.SendAsync(input);
        if (closeInput)
        {
            await harness.CloseInputAsync();
        }

        await harness.ReadUntilTerminalAsync();
        await harness.FinishAsync();
    }

    private double Sum(string instrument, string service) => _metrics.Of(instrument, service).Sum(m => m.Value);
}

using Microsoft.SemanticKernel;
using SkAgentSession.Agents;
using SkAgentSession.Airline;
using SkAgentSession.Events;
using SkAgentSession.Models.Scripted;
using SkAgentSession.Tests.Support;

namespace SkAgentSession.Tests.Agents;

/// <summary>A cancelled turn ends with <see cref="OperationCanceledException"/> wherever it is: in the model's stream or in a tool.</summary>
public sealed class TurnCancellationTests
{
    [Fact]
    public async Task Cancelling_while_the_answer_streams_stops_the_turn()
    {
        using var harness = new ScriptedHarness(scriptedOptions: new ScriptedModelOptions { TokenDelayMs = 100 });
        using var cancel = new CancellationTokenSource();
        var sink = new RecordingTurnEventSink(e =>
        {
            if (e.Type == TurnEventTypes.TextDelta)
            {
                cancel.Cancel();
            }
        });

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var error = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.Runner.RunTurnAsync(
            new AgentTurnRequest<AirlineContext>([], AirlineAgentNames.Triage, new AirlineContext()) { UserMessage = "Hello!", Events = sink },
            cancel.Token));

        Assert.IsNotAssignableFrom<SkAgentSession.Models.ModelCallException>(error);
        var deltas = sink.Events.Count(e => e.Type == TurnEventTypes.TextDelta);
        Assert.Equal(1, deltas);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"the greeting has about 30 words, 100 ms apart; stopped after {watch.Elapsed}");
    }

    [Fact]
    public async Task Cancelling_while_a_tool_runs_stops_the_turn()
    {
        var toolStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var wait = KernelFunctionFactory.CreateFromMethod(
            async (CancellationToken cancellationToken) =>
            {
                toolStarted.SetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
                return "never";
            },
            "wait",
            "Waits forever.");
        var catalog = new AgentCatalog<AirlineContext>("Waiter", [new() { Name = "Waiter", Instructions = _ => "Wait.", Tools = [wait] }]);
        using var harness = new ScriptedHarness(
            model: new CannedChatModelHandler(CannedChatModelHandler.Calls(null, ("w1", "wait", "{}")), CannedChatModelHandler.Text("unused")),
            catalog: catalog);
        using var cancel = new CancellationTokenSource();

        var turn = harness.Runner.RunTurnAsync([], "Waiter", new AirlineContext(), "wait", cancel.Token);
        await toolStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => turn).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Single(harness.Recorder.Bodies);
    }
}

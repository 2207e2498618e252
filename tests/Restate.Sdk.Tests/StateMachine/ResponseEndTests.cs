using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.StateMachine;

/// <summary>
/// How an attempt ends on the wire: the response ends right after the terminal message, while the
/// pump keeps reading the request until the runtime closes it.
/// </summary>
public class ResponseEndTests
{
    [Fact]
    public async Task The_response_ends_with_End_before_the_runtime_closes_the_request()
    {
        var harness = InvocationHarness.Start((_, _) => Task.FromResult<object?>("done"));
        await harness.SendAsync(Start(1), Input());

        await harness.ReadUntilResponseEndAsync();

        Assert.Equal([Output("\"done\""), End()], harness.Received);
        Assert.False(harness.Completion.IsCompleted, "The pump must keep reading the request until the runtime closes it.");
        await harness.CloseInputAsync();
        await harness.Completion.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task The_drain_timeout_is_released_as_soon_as_the_runtime_closes_the_request()
    {
        var time = new ManualTimers();
        var harness = InvocationHarness.Start((_, _) => Task.FromResult<object?>("done"), time: time);
        await harness.SendAsync(Start(1), Input());
        await harness.ReadUntilResponseEndAsync();
        await WaitUntilAsync(() => time.Timers.Count == 1, "the pump arms its drain timeout");

        await harness.CloseInputAsync();
        await harness.Completion.WaitAsync(TimeSpan.FromSeconds(10));

        var drainTimer = Assert.Single(time.Timers);
        Assert.Equal(TimeSpan.FromSeconds(30), drainTimer.DueTime);
        await WaitUntilAsync(() => drainTimer.IsDisposed, "the drain timeout is disposed (a finished invocation must not leave it queued)");
    }

    [Fact]
    public async Task The_pump_returns_when_the_runtime_never_closes_the_request()
    {
        var time = new ManualTimers();
        var harness = InvocationHarness.Start((_, _) => Task.FromResult<object?>("done"), time: time);
        await harness.SendAsync(Start(1), Input());
        await harness.ReadUntilResponseEndAsync();
        await WaitUntilAsync(() => time.Timers.Count == 1, "the pump arms its drain timeout");

        time.FireAll();

        await harness.Completion.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal([Output("\"done\""), End()], harness.Received);
    }

    private static async Task WaitUntilAsync(Func<bool> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail($"Timed out waiting until {what}.");
            }

            await Task.Delay(10);
        }
    }
}

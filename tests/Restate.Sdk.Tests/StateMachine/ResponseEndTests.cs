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
}

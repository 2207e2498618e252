using Restate.Sdk.Endpoint;
using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.StateMachine;

public class StateTests
{
    [Fact]
    public async Task Counter_reads_eager_state_writes_it_and_ends()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) =>
            {
                var count = await ctx.Get<int>("count");
                ctx.Set("count", count + 1);
                return count + 1;
            },
            [Start(1, key: "alice", state: new Dictionary<string, string> { ["count"] = "1" }), Input()]);

        Assert.Equal(
            [
                Command(new GetEagerStateCommandMessage { Key = Utf8("count"), Value = Value("1") }),
                Command(new SetStateCommandMessage { Key = Utf8("count"), Value = Value("2") }),
                Output("2"),
                End(),
            ],
            frames);
    }
}

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

public class EagerLazyPartialStateTests
{
    [Fact]
    public async Task Unknown_key_in_partial_state_is_read_lazily()
    {
        var harness = InvocationHarness.Start(async (ctx, _) => await ctx.Get<string>("name"));
        await harness.SendAsync(Start(1, partialState: true), Input());

        Assert.Equal(Command(new GetLazyStateCommandMessage { Key = Utf8("name"), ResultCompletionId = 1 }), await harness.ReadFrameAsync());
        await harness.SendAsync(Completion(MessageType.GetLazyStateCompletionNotification, 1, "\"zoe\""));
        Assert.Equal([Output("\"zoe\""), End()], (await harness.ReadUntilTerminalAsync())[1..]);
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Unknown_key_in_complete_state_is_absent_without_asking()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) => await ctx.Get<string>("missing") ?? "none",
            [Start(1, state: new Dictionary<string, string> { ["other"] = "1" }), Input()]);

        Assert.Equal(
            [Command(new GetEagerStateCommandMessage { Key = Utf8("missing"), Void = new Unit() }), Output("\"none\""), End()],
            frames);
    }

    [Fact]
    public async Task Setting_one_key_does_not_make_other_unknown_keys_absent_in_partial_state()
    {
        var harness = InvocationHarness.Start(async (ctx, _) =>
        {
            ctx.Set("b", 2);
            var a = await ctx.Get<int>("a");
            var b = await ctx.Get<int>("b");
            var c = await ctx.Get<int?>("c");
            return $"{a},{b},{c}";
        });
        await harness.SendAsync(Start(1, partialState: true, state: new Dictionary<string, string> { ["a"] = "1" }), Input());

        Assert.Equal(Command(new SetStateCommandMessage { Key = Utf8("b"), Value = Value("2") }), await harness.ReadFrameAsync());
        Assert.Equal(Command(new GetEagerStateCommandMessage { Key = Utf8("a"), Value = Value("1") }), await harness.ReadFrameAsync());
        Assert.Equal(Command(new GetEagerStateCommandMessage { Key = Utf8("b"), Value = Value("2") }), await harness.ReadFrameAsync());
        Assert.Equal(Command(new GetLazyStateCommandMessage { Key = Utf8("c"), ResultCompletionId = 3 }), await harness.ReadFrameAsync());
        await harness.SendAsync(Completion(MessageType.GetLazyStateCompletionNotification, 3, "3"));
        Assert.Equal([Output("\"1,2,3\""), End()], (await harness.ReadUntilTerminalAsync())[4..]);
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Clear_all_makes_partial_state_complete()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) =>
            {
                ctx.ClearAll();
                var value = await ctx.Get<string>("anything");
                var keys = await ctx.StateKeys();
                return $"{value ?? "null"}:{keys.Count}";
            },
            [Start(1, partialState: true), Input()]);

        Assert.Equal(
            [
                Command(new ClearAllStateCommandMessage()),
                Command(new GetEagerStateCommandMessage { Key = Utf8("anything"), Void = new Unit() }),
                Command(new GetEagerStateKeysCommandMessage { Value = new StateKeys() }),
                Output("\"null:0\""),
                End(),
            ],
            frames);
    }

    [Fact]
    public async Task Eager_keys_are_sorted_and_leave_out_cleared_keys()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) =>
            {
                ctx.Clear("b");
                ctx.Set("d", 4);
                return await ctx.StateKeys();
            },
            [Start(1, state: new Dictionary<string, string> { ["c"] = "3", ["a"] = "1", ["b"] = "2" }), Input()]);

        var keys = new StateKeys();
        keys.Keys.AddRange([Utf8("a"), Utf8("c"), Utf8("d")]);
        Assert.Equal(Command(new GetEagerStateKeysCommandMessage { Value = keys }), frames[2]);
        Assert.Equal(Output("[\"a\",\"c\",\"d\"]"), frames[3]);
    }

    [Fact]
    public async Task Partial_state_keys_are_read_lazily()
    {
        var harness = InvocationHarness.Start(async (ctx, _) => string.Join("|", await ctx.StateKeys()));
        await harness.SendAsync(Start(1, partialState: true), Input());

        Assert.Equal(Command(new GetLazyStateKeysCommandMessage { ResultCompletionId = 1 }), await harness.ReadFrameAsync());
        await harness.SendAsync(StateKeysCompletion(1, "x", "y"));
        Assert.Equal([Output("\"x|y\""), End()], (await harness.ReadUntilTerminalAsync())[1..]);
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Empty_state_value_is_a_value_not_an_absence()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) =>
            {
                try
                {
                    await ctx.Get<string>("empty");
                    return "read";
                }
                catch (System.Text.Json.JsonException)
                {
                    return "empty bytes reached the serializer";
                }
            },
            [Start(1, state: new Dictionary<string, string> { ["empty"] = "" }), Input()]);

        Assert.Equal(Command(new GetEagerStateCommandMessage { Key = Utf8("empty"), Value = Value("") }), frames[0]);
        Assert.Equal(Output("\"empty bytes reached the serializer\""), frames[1]);
    }

    [Fact]
    public async Task Ten_megabyte_state_value_round_trips()
    {
        var big = new string('x', 10 * 1024 * 1024);
        var harness = InvocationHarness.Start(async (ctx, _) =>
        {
            var stored = await ctx.Get<string>("big");
            ctx.Set("big2", stored + "!");
            return stored!.Length;
        });
        await harness.SendAsync(Start(1, state: new Dictionary<string, string> { ["big"] = $"\"{big}\"" }), Input());

        var frames = await harness.ReadUntilTerminalAsync();
        await harness.FinishAsync();
        var set = (SetStateCommandMessage)frames[1].Message;
        Assert.Equal(10 * 1024 * 1024 + 3, set.Value.Content.Length);
        Assert.Equal($"\"{big}!\"", Text(set.Value.Content));
        Assert.Equal([Output((10 * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture)), End()], frames[2..]);
    }

    [Fact]
    public async Task Services_have_no_state_and_shared_handlers_cannot_write_it()
    {
        var serviceFrames = await InvocationHarness.RunAsync(
            async (ctx, _) =>
            {
                var error = await Assert.ThrowsAsync<InvalidOperationException>(async () => await ctx.Get<int>("k"));
                Assert.Contains("a service has no state", error.Message, StringComparison.Ordinal);
                Assert.Throws<InvalidOperationException>(() => ctx.Set("k", 1));
                return "ok";
            },
            [Start(1), Input()],
            ServiceKind.Service,
            HandlerKind.Shared);
        var sharedFrames = await InvocationHarness.RunAsync(
            async (ctx, _) =>
            {
                var value = await ctx.Get<int>("k");
                var error = Assert.Throws<InvalidOperationException>(() => ctx.Set("k", value + 1));
                Assert.Contains("shared handler", error.Message, StringComparison.Ordinal);
                Assert.Throws<InvalidOperationException>(() => ctx.ClearAll());
                return value;
            },
            [Start(1, state: new Dictionary<string, string> { ["k"] = "5" }), Input()],
            ServiceKind.VirtualObject,
            HandlerKind.Shared);

        Assert.Equal([Output("\"ok\""), End()], serviceFrames);
        Assert.Equal([Command(new GetEagerStateCommandMessage { Key = Utf8("k"), Value = Value("5") }), Output("5"), End()], sharedFrames);
    }
}

using Microsoft.Extensions.Logging;
using Restate.Sdk.Protocol.Messages;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.StateMachine;

public class ContextTests
{
    [Fact]
    public void Deterministic_random_repeats_for_the_same_seed_and_differs_for_another()
    {
        var a = new DeterministicRandom(7);
        var b = new DeterministicRandom(7);
        var c = new DeterministicRandom(8);

        var first = Enumerable.Range(0, 5).Select(_ => a.NextInt64()).ToArray();

        Assert.Equal(first, Enumerable.Range(0, 5).Select(_ => b.NextInt64()).ToArray());
        Assert.NotEqual(first, Enumerable.Range(0, 5).Select(_ => c.NextInt64()).ToArray());
        Assert.InRange(a.NextDouble(), 0.0, 1.0);
        Assert.InRange(a.NextInt(3, 5), 3, 4);
        Assert.Equal(4, a.NextGuid().Version);
    }

    [Fact]
    public async Task Random_and_headers_come_from_the_invocation()
    {
        var input = new InputCommandMessage { Value = Value("null") };
        input.Headers.Add(new Header { Key = "X-Trace", Value = "abc" });

        async Task<List<Frame>> RunWithSeed(ulong seed) => await InvocationHarness.RunAsync(
            (ctx, _) => Task.FromResult<object?>($"{ctx.Random.NextInt(0, 1_000_000)}:{ctx.Headers["x-trace"]}:{ctx.InvocationId}:{ctx.Key}"),
            [Start(1, key: "k", randomSeed: seed), Command(input)]);

        var first = await RunWithSeed(99);
        var again = await RunWithSeed(99);
        var other = await RunWithSeed(100);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.EndsWith(":abc:inv_test:k\"", Text(((OutputCommandMessage)first[0].Message).Value.Content), StringComparison.Ordinal);
    }

    [Fact]
    public void Replay_aware_logger_is_silent_while_replaying()
    {
        var replaying = true;
        var inner = new CountingLogger();
        var logger = new ReplayAwareLogger(inner, () => replaying);

        logger.LogInformation("during replay");
        Assert.False(logger.IsEnabled(LogLevel.Information));
        replaying = false;
        logger.LogInformation("after replay");

        Assert.Equal(["after replay"], inner.Messages);
    }

    [Fact]
    public async Task Logger_of_the_context_is_silent_for_the_replayed_part_of_the_handler()
    {
        var logger = new CountingLogger();
        var harness = InvocationHarness.Start(
            async (ctx, _) =>
            {
                ctx.Logger.LogInformation("before sleep");
                await ctx.Sleep(TimeSpan.FromSeconds(1));
                ctx.Logger.LogInformation("after sleep");
                return null;
            },
            loggerFactory: new SingleLoggerFactory(logger));
        await harness.SendAsync(Start(3), Input(), Command(new SleepCommandMessage { ResultCompletionId = 1 }), Completion(Restate.Sdk.Protocol.MessageType.SleepCompletionNotification, 1));

        Assert.Equal(End(), (await harness.ReadUntilTerminalAsync())[^1]);
        await harness.FinishAsync();
        Assert.Equal(["after sleep"], logger.Messages);
    }

    private sealed class SingleLoggerFactory(ILogger logger) : ILoggerFactory
    {
        public void AddProvider(ILoggerProvider provider)
        {
        }

        public ILogger CreateLogger(string categoryName) => categoryName.StartsWith("Restate.Invocation", StringComparison.Ordinal) ? logger : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }
    }

    private sealed class CountingLogger : ILogger
    {
        public List<string> Messages { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Messages.Add(formatter(state, exception));
    }
}

using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.StateMachine;

/// <summary>Terminal versus retryable failures, run retries, and bad input.</summary>
public class FailureTests
{
    private static readonly RunOptions ThreeAttempts = new()
    {
        RetryPolicy = new RetryPolicy { InitialInterval = TimeSpan.FromMilliseconds(100), Factor = 2, MaxAttempts = 3 },
    };

    [Fact]
    public async Task Terminal_exception_ends_with_a_failed_output()
    {
        var frames = await InvocationHarness.RunAsync(
            (_, _) => throw new TerminalException("teapot", 418, new Dictionary<string, string> { ["why"] = "short and stout" }),
            [Start(1), Input()]);

        var failure = Failure(418, "teapot");
        failure.Metadata.Add(new FailureMetadata { Key = "why", Value = "short and stout" });
        Assert.Equal([Command(new OutputCommandMessage { Failure = failure }), End()], frames);
    }

    [Fact]
    public async Task Other_exceptions_are_retryable_errors_with_the_related_command_and_no_end()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) =>
            {
                ctx.Set("k", 1);
                await ctx.Get<int>("k");
                throw new InvalidOperationException("database is down");
            },
            [Start(1), Input()]);

        var error = (ErrorMessage)frames[^1].Message;
        Assert.Equal(3, frames.Count);
        Assert.Equal(500u, error.Code);
        Assert.Equal("database is down", error.Message);
        Assert.Contains("InvalidOperationException", error.Stacktrace, StringComparison.Ordinal);
        Assert.Equal(2u, error.RelatedCommandIndex);
        Assert.Equal((uint)MessageType.GetEagerStateCommand, error.RelatedCommandType);
    }

    [Fact]
    public async Task Failing_run_asks_for_a_retry_with_the_policy_delay()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) => await ctx.Run<int>("flaky", _ => throw new TimeoutException("slow"), ThreeAttempts),
            [Start(1), Input()]);

        Assert.Equal(
            [
                Command(new RunCommandMessage { ResultCompletionId = 1, Name = "flaky" }),
                new Frame(MessageType.Error, new ErrorMessage
                {
                    Code = 500,
                    Message = "slow",
                    Stacktrace = ((ErrorMessage)frames[1].Message).Stacktrace,
                    RelatedCommandIndex = 1,
                    RelatedCommandName = "flaky",
                    RelatedCommandType = (uint)MessageType.RunCommand,
                    NextRetryDelay = 100,
                }),
            ],
            frames);
    }

    [Fact]
    public async Task Retry_count_of_the_start_message_counts_for_the_first_entry_after_replay()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) => await ctx.Run<int>("flaky", _ => throw new TimeoutException("slow"), ThreeAttempts),
            [Start(2, retryCount: 1, retryDurationMillis: 50), Input(), Command(new RunCommandMessage { ResultCompletionId = 1, Name = "flaky" })]);

        var error = (ErrorMessage)Assert.Single(frames).Message;
        Assert.Equal(200UL, error.NextRetryDelay);
        Assert.Equal(1u, error.RelatedCommandIndex);
    }

    [Fact]
    public async Task Run_gives_up_with_a_terminal_failure_the_handler_can_catch()
    {
        var harness = InvocationHarness.Start(async (ctx, _) =>
        {
            try
            {
                return await ctx.Run<int>("flaky", _ => throw new TimeoutException("slow"), ThreeAttempts);
            }
            catch (TerminalException e)
            {
                return -e.Code;
            }
        });
        await harness.SendAsync(Start(2, retryCount: 2, retryDurationMillis: 300), Input(), Command(new RunCommandMessage { ResultCompletionId = 1, Name = "flaky" }));

        var proposal = await harness.ReadFrameAsync();
        Assert.Equal(ProposeFailure(1, 500, "Run 'flaky' gave up after 3 attempt(s): slow"), proposal);
        await harness.SendAsync(CompletionFailure(MessageType.RunCompletionNotification, 1, 500, "Run 'flaky' gave up after 3 attempt(s): slow"));
        Assert.Equal([Output("-500"), End()], (await harness.ReadUntilTerminalAsync())[1..]);
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Run_gives_up_after_its_max_duration()
    {
        var policy = new RunOptions { RetryPolicy = new RetryPolicy { MaxDuration = TimeSpan.FromSeconds(1) } };
        var harness = InvocationHarness.Start(async (ctx, _) => await ctx.Run<int>("slow", _ => throw new TimeoutException("again"), policy));
        await harness.SendAsync(Start(2, retryCount: 4, retryDurationMillis: 1500), Input(), Command(new RunCommandMessage { ResultCompletionId = 1, Name = "slow" }));

        Assert.Equal(MessageType.ProposeRunCompletion, (await harness.ReadFrameAsync()).Type);
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Run_without_a_policy_retries_on_the_runtime_schedule()
    {
        var frames = await InvocationHarness.RunAsync(
            async (ctx, _) => await ctx.Run<int>("flaky", _ => throw new TimeoutException("slow")),
            [Start(2, retryCount: 1000), Input(), Command(new RunCommandMessage { ResultCompletionId = 1, Name = "flaky" })]);

        var error = (ErrorMessage)Assert.Single(frames).Message;
        Assert.False(error.HasNextRetryDelay);
    }

    [Fact]
    public async Task Context_calls_inside_a_run_closure_are_rejected()
    {
        var harness = InvocationHarness.Start(async (ctx, _) =>
            await ctx.Run("nested", _ =>
            {
                var error = Assert.Throws<InvalidOperationException>(() => ctx.Set("k", 1));
                return Task.FromResult(error.Message.Contains("inside a Run closure", StringComparison.Ordinal));
            }));
        await harness.SendAsync(Start(1), Input());
        await harness.ReadFrameAsync();

        Assert.Equal(Propose(1, "true"), await harness.ReadFrameAsync());
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Malformed_frame_gets_a_clear_protocol_error_and_the_pump_returns()
    {
        var harness = InvocationHarness.Start((_, _) => Task.FromResult<object?>("never"));
        var header = new byte[8];
        new MessageHeader(MessageType.Start, 0, 4).Write(header);

        await harness.SendRawAsync([.. header, 0xFF, 0xFF, 0xFF, 0xFF]);

        var error = (ErrorMessage)Assert.Single(await harness.ReadUntilTerminalAsync()).Message;
        Assert.Equal(571u, error.Code);
        Assert.Contains("Start", error.Message, StringComparison.Ordinal);
        await harness.FinishAsync();
    }

    [Fact]
    public async Task Truncated_input_gets_a_protocol_error()
    {
        var harness = InvocationHarness.Start((_, _) => Task.FromResult<object?>("never"));
        var bytes = Encode(Start(1), Input());

        await harness.SendRawAsync(bytes[..^2]);
        await harness.CloseInputAsync();

        var error = (ErrorMessage)Assert.Single(await harness.ReadUntilTerminalAsync()).Message;
        Assert.Equal(571u, error.Code);
        await harness.Completion.WaitAsync(TimeSpan.FromSeconds(5));
    }
}

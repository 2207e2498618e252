using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.StateMachine;

/// <summary>
/// Failure metadata per protocol version: V6 carries it; V5 has no field for it, so a failure with
/// metadata fails the attempt (573) instead of being written without it.
/// </summary>
public class FailureMetadataTests
{
    private static readonly Dictionary<string, string> Why = new() { ["why"] = "short and stout" };

    [Fact]
    public async Task Handler_failure_with_metadata_on_v5_is_refused_and_not_written_without_it()
    {
        var harness = InvocationHarness.Start((_, _) => throw new TerminalException("teapot", 418, Why), version: ServiceProtocolVersion.V5);
        await harness.SendAsync(Start(1), Input());

        var frames = await harness.ReadUntilTerminalAsync();
        await harness.FinishAsync();

        var error = (ErrorMessage)Assert.Single(frames).Message;
        Assert.Equal(573u, error.Code);
        Assert.StartsWith("Failure metadata needs service protocol V6; this deployment negotiated V5.", error.Message, StringComparison.Ordinal);
        Assert.Equal(1u, error.RelatedCommandIndex);
        Assert.Equal((uint)MessageType.OutputCommand, error.RelatedCommandType);
    }

    [Fact]
    public async Task Handler_failure_without_metadata_on_v5_ends_with_a_failed_output()
    {
        var harness = InvocationHarness.Start((_, _) => throw new TerminalException("teapot", 418), version: ServiceProtocolVersion.V5);
        await harness.SendAsync(Start(1), Input());

        var frames = await harness.ReadUntilTerminalAsync();
        await harness.FinishAsync();

        Assert.Equal([OutputFailure(418, "teapot"), End()], frames);
    }

    [Fact]
    public async Task Run_failure_with_metadata_on_v5_fails_the_attempt_at_the_run()
    {
        var harness = InvocationHarness.Start(
            async (ctx, _) => await ctx.Run<int>("charge", _ => throw new TerminalException("declined", 402, Why)),
            version: ServiceProtocolVersion.V5);
        await harness.SendAsync(Start(1), Input());

        var frames = await harness.ReadUntilTerminalAsync();
        await harness.FinishAsync();

        Assert.Equal(Command(new RunCommandMessage { ResultCompletionId = 1, Name = "charge" }), frames[0]);
        var error = (ErrorMessage)Assert.Single(frames[1..]).Message;
        Assert.Equal(573u, error.Code);
        Assert.Contains("negotiated V5", error.Message, StringComparison.Ordinal);
        Assert.Equal(1u, error.RelatedCommandIndex);
        Assert.Equal("charge", error.RelatedCommandName);
        Assert.Equal((uint)MessageType.RunCommand, error.RelatedCommandType);
    }

    [Fact]
    public async Task Run_failure_with_metadata_on_v6_is_proposed_with_it()
    {
        var harness = InvocationHarness.Start(
            async (ctx, _) => await ctx.Run<int>("charge", _ => throw new TerminalException("declined", 402, Why)),
            version: ServiceProtocolVersion.V6);
        await harness.SendAsync(Start(1), Input());

        Assert.Equal(Command(new RunCommandMessage { ResultCompletionId = 1, Name = "charge" }), await harness.ReadFrameAsync());
        var proposal = (ProposeRunCompletionMessage)(await harness.ReadFrameAsync()).Message;
        await harness.FinishAsync();

        Assert.Equal(402u, proposal.Failure.Code);
        Assert.Equal([new FailureMetadata { Key = "why", Value = "short and stout" }], proposal.Failure.Metadata);
    }

    [Fact]
    public async Task Handler_failure_with_metadata_on_v6_keeps_it_in_the_output()
    {
        var harness = InvocationHarness.Start((_, _) => throw new TerminalException("teapot", 418, Why), version: ServiceProtocolVersion.V6);
        await harness.SendAsync(Start(1), Input());

        var frames = await harness.ReadUntilTerminalAsync();
        await harness.FinishAsync();

        var output = (OutputCommandMessage)frames[0].Message;
        Assert.Equal([new FailureMetadata { Key = "why", Value = "short and stout" }], output.Failure.Metadata);
        Assert.Equal(End(), frames[^1]);
    }
}

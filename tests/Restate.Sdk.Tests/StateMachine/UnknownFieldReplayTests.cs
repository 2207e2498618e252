using Google.Protobuf;
using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.StateMachine;

/// <summary>
/// A replayed command may carry fields this SDK's protocol does not know (a newer runtime wrote it):
/// they take no part in the replay comparison, while the known fields still must match.
/// </summary>
public class UnknownFieldReplayTests
{
    // Not used by any protocol message; high enough to stay unused as the protocol grows.
    private const int UnknownFieldNumber = 1000;

    [Fact]
    public async Task Replayed_run_with_an_unknown_field_is_no_mismatch()
    {
        var frames = await ReplayAsync(
            async ctx => await ctx.Run("once", _ => Task.FromResult(1)),
            RawCommand(MessageType.RunCommand, new RunCommandMessage { ResultCompletionId = 1, Name = "once" }),
            Encode(Completion(MessageType.RunCompletionNotification, 1, "7")));

        Assert.Equal([Output("7"), End()], frames);
    }

    [Fact]
    public async Task Replayed_run_with_an_unknown_field_and_another_name_is_still_a_mismatch()
    {
        var frames = await ReplayAsync(
            async ctx => await ctx.Run("charge", _ => Task.FromResult(1)),
            RawCommand(MessageType.RunCommand, new RunCommandMessage { ResultCompletionId = 1, Name = "refund" }),
            Encode(Completion(MessageType.RunCompletionNotification, 1, "7")));

        var error = (ErrorMessage)Assert.Single(frames).Message;
        Assert.Equal(570u, error.Code);
        Assert.Equal("charge", error.RelatedCommandName);
    }

    [Fact]
    public async Task Unknown_field_in_a_nested_message_is_no_mismatch()
    {
        var value = Restate.Sdk.Protocol.Messages.Value.Parser.ParseFrom(WithUnknownField(Value("1")));
        var frames = await ReplayAsync(
            ctx =>
            {
                ctx.Set("k", 1);
                return Task.FromResult(2);
            },
            Encode(Command(new SetStateCommandMessage { Key = Utf8("k"), Value = value })));

        Assert.Equal([Output("2"), End()], frames);
    }

    [Fact]
    public async Task Replayed_one_way_call_with_an_unknown_field_is_no_mismatch()
    {
        var frames = await ReplayAsync(
            ctx =>
            {
                ctx.Send(CallTarget.ForService("S", "h"), 1);
                return Task.FromResult(2);
            },
            RawCommand(
                MessageType.OneWayCallCommand,
                new OneWayCallCommandMessage { ServiceName = "S", HandlerName = "h", Parameter = Utf8("1"), InvocationIdNotificationIdx = 1 }));

        Assert.Equal([Output("2"), End()], frames);
    }

    private static async Task<List<Frame>> ReplayAsync(Func<IWorkflowContext, Task<int>> handler, params byte[][] journal)
    {
        var harness = InvocationHarness.Start(async (ctx, _) => await handler(ctx));
        await harness.SendAsync(Start((uint)journal.Length + 1), Input());
        foreach (var bytes in journal)
        {
            await harness.SendRawAsync(bytes);
        }

        var frames = await harness.ReadUntilTerminalAsync();
        await harness.FinishAsync();
        return frames;
    }

    /// <summary>A frame whose body is the encoded known message followed by one unknown varint field.</summary>
    private static byte[] RawCommand(MessageType type, IMessage known)
    {
        var body = WithUnknownField(known);
        var frame = new byte[MessageHeader.Size + body.Length];
        new MessageHeader(type, 0, (uint)body.Length).Write(frame);
        body.CopyTo(frame, MessageHeader.Size);
        return frame;
    }

    private static byte[] WithUnknownField(IMessage known)
    {
        using var buffer = new MemoryStream();
        known.WriteTo(buffer);
        var output = new CodedOutputStream(buffer, leaveOpen: true);
        output.WriteTag(UnknownFieldNumber, WireFormat.WireType.Varint);
        output.WriteUInt64(42);
        output.Flush();
        return buffer.ToArray();
    }
}

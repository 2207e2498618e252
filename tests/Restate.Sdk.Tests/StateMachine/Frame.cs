using System.Buffers;
using System.Text;
using Google.Protobuf;
using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;

namespace Restate.Sdk.Tests.StateMachine;

/// <summary>One protocol frame in a test: its type id and its message. Builds and decodes frames.</summary>
internal sealed record Frame(MessageType Type, IMessage Message)
{
    public static readonly byte[] InvocationId = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17];

    public override string ToString() => $"{Type}: {Message}";

    public static Frame Start(
        uint knownEntries,
        string key = "",
        IReadOnlyDictionary<string, string>? state = null,
        bool partialState = false,
        uint retryCount = 0,
        ulong retryDurationMillis = 0,
        ulong randomSeed = 42)
    {
        var start = new StartMessage
        {
            Id = ByteString.CopyFrom(InvocationId),
            DebugId = "inv_test",
            KnownEntries = knownEntries,
            Key = key,
            PartialState = partialState,
            RetryCountSinceLastStoredEntry = retryCount,
            DurationSinceLastStoredEntry = retryDurationMillis,
            RandomSeed = randomSeed,
        };
        foreach (var (k, v) in state ?? new Dictionary<string, string>())
        {
            start.StateMap.Add(new StartMessage.Types.StateEntry { Key = ByteString.CopyFromUtf8(k), Value = ByteString.CopyFromUtf8(v) });
        }

        return new Frame(MessageType.Start, start);
    }

    public static Frame Input(string json = "null") =>
        Command(new InputCommandMessage { Value = Value(json) });

    public static Value Value(string utf8) => new() { Content = ByteString.CopyFromUtf8(utf8) };

    public static Failure Failure(uint code, string message) => new() { Code = code, Message = message };

    public static Frame Command(IMessage message) => new(CommandType(message), message);

    public static Frame Completion(MessageType type, uint completionId, string? value = null) =>
        new(type, value is null
            ? new NotificationTemplate { CompletionId = completionId, Void = new Unit() }
            : new NotificationTemplate { CompletionId = completionId, Value = Value(value) });

    public static Frame CompletionFailure(MessageType type, uint completionId, uint code, string message) =>
        new(type, new NotificationTemplate { CompletionId = completionId, Failure = Failure(code, message) });

    public static Frame InvocationIdCompletion(uint completionId, string invocationId) =>
        new(MessageType.CallInvocationIdCompletionNotification, new NotificationTemplate { CompletionId = completionId, InvocationId = invocationId });

    public static Frame StateKeysCompletion(uint completionId, params string[] keys)
    {
        var stateKeys = new StateKeys();
        stateKeys.Keys.AddRange(keys.Select(ByteString.CopyFromUtf8));
        return new(MessageType.GetLazyStateKeysCompletionNotification, new NotificationTemplate { CompletionId = completionId, StateKeys = stateKeys });
    }

    public static Frame Signal(uint signalId, string? value = null) =>
        new(MessageType.SignalNotification, value is null
            ? new NotificationTemplate { SignalId = signalId, Void = new Unit() }
            : new NotificationTemplate { SignalId = signalId, Value = Value(value) });

    public static Frame Cancel() => Signal(1);

    public static Frame Output(string json) => Command(new OutputCommandMessage { Value = Value(json) });

    public static Frame OutputFailure(uint code, string message) => Command(new OutputCommandMessage { Failure = Failure(code, message) });

    public static Frame End() => new(MessageType.End, new EndMessage());

    public static Frame Suspension(uint[] completions, uint[]? signals = null)
    {
        var message = new SuspensionMessage();
        message.WaitingCompletions.AddRange(completions);
        message.WaitingSignals.AddRange(signals ?? [1]);
        return new Frame(MessageType.Suspension, message);
    }

    public static Frame Propose(uint completionId, string json) =>
        new(MessageType.ProposeRunCompletion, new ProposeRunCompletionMessage { ResultCompletionId = completionId, Value = ByteString.CopyFromUtf8(json) });

    public static Frame ProposeFailure(uint completionId, uint code, string message) =>
        new(MessageType.ProposeRunCompletion, new ProposeRunCompletionMessage { ResultCompletionId = completionId, Failure = Failure(code, message) });

    public static ByteString Utf8(string s) => ByteString.CopyFromUtf8(s);

    public static byte[] Encode(params Frame[] frames)
    {
        var writer = new ArrayBufferWriter<byte>();
        foreach (var frame in frames)
        {
            MessageEncoder.Write(writer, frame.Type, frame.Message);
        }

        return writer.WrittenSpan.ToArray();
    }

    public static List<Frame> DecodeAll(ReadOnlySpan<byte> bytes)
    {
        var decoder = new MessageDecoder();
        decoder.Push(bytes);
        decoder.EnsureNoPartialMessage();
        var frames = new List<Frame>();
        while (decoder.TryNext(out var raw))
        {
            frames.Add(Decode(raw));
        }

        return frames;
    }

    public static Frame Decode(RawMessage raw) => new(raw.Type, raw.Type switch
    {
        MessageType.Start => raw.Decode(StartMessage.Parser),
        MessageType.Suspension => raw.Decode(SuspensionMessage.Parser),
        MessageType.Error => raw.Decode(ErrorMessage.Parser),
        MessageType.End => raw.Decode(EndMessage.Parser),
        MessageType.ProposeRunCompletion => raw.Decode(ProposeRunCompletionMessage.Parser),
        MessageType.InputCommand => raw.Decode(InputCommandMessage.Parser),
        MessageType.OutputCommand => raw.Decode(OutputCommandMessage.Parser),
        MessageType.GetLazyStateCommand => raw.Decode(GetLazyStateCommandMessage.Parser),
        MessageType.SetStateCommand => raw.Decode(SetStateCommandMessage.Parser),
        MessageType.ClearStateCommand => raw.Decode(ClearStateCommandMessage.Parser),
        MessageType.ClearAllStateCommand => raw.Decode(ClearAllStateCommandMessage.Parser),
        MessageType.GetLazyStateKeysCommand => raw.Decode(GetLazyStateKeysCommandMessage.Parser),
        MessageType.GetEagerStateCommand => raw.Decode(GetEagerStateCommandMessage.Parser),
        MessageType.GetEagerStateKeysCommand => raw.Decode(GetEagerStateKeysCommandMessage.Parser),
        MessageType.GetPromiseCommand => raw.Decode(GetPromiseCommandMessage.Parser),
        MessageType.PeekPromiseCommand => raw.Decode(PeekPromiseCommandMessage.Parser),
        MessageType.CompletePromiseCommand => raw.Decode(CompletePromiseCommandMessage.Parser),
        MessageType.SleepCommand => raw.Decode(SleepCommandMessage.Parser),
        MessageType.CallCommand => raw.Decode(CallCommandMessage.Parser),
        MessageType.OneWayCallCommand => raw.Decode(OneWayCallCommandMessage.Parser),
        MessageType.SendSignalCommand => raw.Decode(SendSignalCommandMessage.Parser),
        MessageType.RunCommand => raw.Decode(RunCommandMessage.Parser),
        MessageType.AttachInvocationCommand => raw.Decode(AttachInvocationCommandMessage.Parser),
        MessageType.GetInvocationOutputCommand => raw.Decode(GetInvocationOutputCommandMessage.Parser),
        MessageType.CompleteAwakeableCommand => raw.Decode(CompleteAwakeableCommandMessage.Parser),
        _ => raw.Decode(NotificationTemplate.Parser),
    });

    private static MessageType CommandType(IMessage message) => message switch
    {
        InputCommandMessage => MessageType.InputCommand,
        OutputCommandMessage => MessageType.OutputCommand,
        GetLazyStateCommandMessage => MessageType.GetLazyStateCommand,
        SetStateCommandMessage => MessageType.SetStateCommand,
        ClearStateCommandMessage => MessageType.ClearStateCommand,
        ClearAllStateCommandMessage => MessageType.ClearAllStateCommand,
        GetLazyStateKeysCommandMessage => MessageType.GetLazyStateKeysCommand,
        GetEagerStateCommandMessage => MessageType.GetEagerStateCommand,
        GetEagerStateKeysCommandMessage => MessageType.GetEagerStateKeysCommand,
        GetPromiseCommandMessage => MessageType.GetPromiseCommand,
        PeekPromiseCommandMessage => MessageType.PeekPromiseCommand,
        CompletePromiseCommandMessage => MessageType.CompletePromiseCommand,
        SleepCommandMessage => MessageType.SleepCommand,
        CallCommandMessage => MessageType.CallCommand,
        OneWayCallCommandMessage => MessageType.OneWayCallCommand,
        SendSignalCommandMessage => MessageType.SendSignalCommand,
        RunCommandMessage => MessageType.RunCommand,
        AttachInvocationCommandMessage => MessageType.AttachInvocationCommand,
        GetInvocationOutputCommandMessage => MessageType.GetInvocationOutputCommand,
        CompleteAwakeableCommandMessage => MessageType.CompleteAwakeableCommand,
        _ => throw new ArgumentException($"Not a command: {message.GetType().Name}"),
    };

    public static string Text(ByteString bytes) => Encoding.UTF8.GetString(bytes.Span);
}

using Google.Protobuf;

namespace Restate.Sdk.Protocol;

/// <summary>One decoded frame: its header fields and the still-encoded protobuf payload.</summary>
internal sealed class RawMessage(MessageType type, ushort flags, byte[] payload)
{
    public MessageType Type { get; } = type;

    public ushort Flags { get; } = flags;

    public byte[] Payload { get; } = payload;

    /// <summary>Parses the payload; a payload that is not valid protobuf is a protocol violation.</summary>
    public T Decode<T>(MessageParser<T> parser)
        where T : IMessage<T>
    {
        try
        {
            return parser.ParseFrom(Payload);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new ProtocolException(
                ErrorCodes.ProtocolViolation,
                $"Cannot decode the payload of message {Type.Describe()} ({Payload.Length} bytes): {e.Message}",
                e);
        }
    }
}

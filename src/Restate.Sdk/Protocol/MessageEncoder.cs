using System.Buffers;
using Google.Protobuf;

namespace Restate.Sdk.Protocol;

/// <summary>Writes messages as frames (8-byte header, then the protobuf payload). Flags are always 0.</summary>
internal static class MessageEncoder
{
    public static void Write(IBufferWriter<byte> destination, MessageType type, IMessage message)
    {
        var length = message.CalculateSize();
        new MessageHeader(type, 0, (uint)length).Write(destination.GetSpan(MessageHeader.Size));
        destination.Advance(MessageHeader.Size);
        if (length > 0)
        {
            message.WriteTo(destination);
        }
    }
}

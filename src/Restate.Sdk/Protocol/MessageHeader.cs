using System.Buffers.Binary;

namespace Restate.Sdk.Protocol;

/// <summary>
/// The 8-byte big-endian header in front of every message: type (u16), flags (u16) and the
/// payload length in bytes (u32), the header itself not included.
/// </summary>
internal readonly record struct MessageHeader(MessageType Type, ushort Flags, uint Length)
{
    public const int Size = 8;

    /// <summary>The REQUESTED_ACK flag; this SDK never sets it (V6 would answer with acks).</summary>
    public const ushort RequestedAckFlag = 0x8000;

    public static MessageHeader Read(ReadOnlySpan<byte> source) =>
        new(
            (MessageType)BinaryPrimitives.ReadUInt16BigEndian(source),
            BinaryPrimitives.ReadUInt16BigEndian(source[2..]),
            BinaryPrimitives.ReadUInt32BigEndian(source[4..]));

    public void Write(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt16BigEndian(destination, (ushort)Type);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], Flags);
        BinaryPrimitives.WriteUInt32BigEndian(destination[4..], Length);
    }
}

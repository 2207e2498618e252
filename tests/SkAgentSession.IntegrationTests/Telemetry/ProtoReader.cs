using System.Buffers.Binary;
using System.Text;

namespace SkAgentSession.IntegrationTests.Telemetry;

/// <summary>
/// Just enough of the protobuf wire format to read OTLP requests: walks a message's fields, giving
/// each one's number and wire type, and reads varints, fixed 64-bit values and length-delimited bytes.
/// </summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> message)
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int Fixed32 = 5;

    private readonly ReadOnlySpan<byte> _message = message;
    private int _position;

    public int Field { get; private set; }

    public int WireType { get; private set; }

    public bool Next()
    {
        if (_position >= _message.Length)
        {
            return false;
        }

        var tag = ReadVarint();
        Field = (int)(tag >> 3);
        WireType = (int)(tag & 7);
        return true;
    }

    public ulong ReadVarint()
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = _message[_position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    public ulong ReadFixed64()
    {
        var value = BinaryPrimitives.ReadUInt64LittleEndian(_message.Slice(_position, 8));
        _position += 8;
        return value;
    }

    public double ReadDouble() => BitConverter.Int64BitsToDouble((long)ReadFixed64());

    public ReadOnlySpan<byte> ReadBytes()
    {
        var length = (int)ReadVarint();
        var bytes = _message.Slice(_position, length);
        _position += length;
        return bytes;
    }

    public string ReadString() => Encoding.UTF8.GetString(ReadBytes());

    public void Skip()
    {
        switch (WireType)
        {
            case Varint:
                ReadVarint();
                break;
            case Fixed64:
                _position += 8;
                break;
            case LengthDelimited:
                ReadBytes();
                break;
            case Fixed32:
                _position += 4;
                break;
            default:
                throw new InvalidDataException($"Unsupported protobuf wire type {WireType}.");
        }
    }
}

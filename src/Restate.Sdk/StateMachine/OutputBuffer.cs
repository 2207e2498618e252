using System.Buffers;
using Google.Protobuf;
using Restate.Sdk.Protocol;

namespace Restate.Sdk.StateMachine;

/// <summary>
/// Frames the state machine has produced and the transport has not taken yet. Once closed (after
/// End, Suspension or Error) nothing more is accepted.
/// </summary>
internal sealed class OutputBuffer
{
    private const int KeepCapacity = 64 * 1024;

    private ArrayBufferWriter<byte> _buffer = new(1024);

    public bool IsClosed { get; private set; }

    public int Length => _buffer.WrittenCount;

    public void Write(MessageType type, IMessage message)
    {
        if (!IsClosed)
        {
            MessageEncoder.Write(_buffer, type, message);
        }
    }

    public void Close() => IsClosed = true;

    /// <summary>Copies all pending bytes to <paramref name="destination"/>; returns how many.</summary>
    public int TakeTo(IBufferWriter<byte> destination)
    {
        var written = _buffer.WrittenCount;
        if (written == 0)
        {
            return 0;
        }

        destination.Write(_buffer.WrittenSpan);
        Reset();
        return written;
    }

    public byte[] Take()
    {
        var bytes = _buffer.WrittenSpan.ToArray();
        Reset();
        return bytes;
    }

    private void Reset()
    {
        // A large message (say a 10 MB state value) should not pin its buffer for the whole invocation.
        if (_buffer.Capacity > KeepCapacity)
        {
            _buffer = new ArrayBufferWriter<byte>(1024);
        }
        else
        {
            _buffer.ResetWrittenCount();
        }
    }
}

using System.Buffers;

namespace Restate.Sdk.Protocol;

/// <summary>
/// Turns a byte stream into messages, however the stream is cut into chunks. Payload bytes go
/// straight into the array of their message; a large payload's array grows as its bytes arrive, so
/// a header that merely announces a large message costs no memory. Malformed input (an unknown message type,
/// a frame above the size limit, a stream ending inside a frame) is a <see cref="ProtocolException"/>
/// with code 571.
/// </summary>
internal sealed class MessageDecoder(int maxMessageSize = MessageDecoder.DefaultMaxMessageSize)
{
    /// <summary>The runtime's own default message size limit (<c>networking.message-size-limit</c>).</summary>
    public const int DefaultMaxMessageSize = 32 * 1024 * 1024;

    // Payloads up to this size get their whole array at once; larger ones start here and double.
    private const int InitialPayloadCapacity = 64 * 1024;

    private readonly byte[] _header = new byte[MessageHeader.Size];
    private readonly Queue<RawMessage> _ready = new();
    private int _headerFilled;
    private MessageHeader _current;
    private byte[]? _payload;
    private int _payloadFilled;
    private ProtocolException? _failure;

    /// <summary>True while a frame has started but not all of its bytes have arrived.</summary>
    public bool HasPartialMessage => _headerFilled > 0;

    public void Push(ReadOnlySequence<byte> data)
    {
        foreach (var segment in data)
        {
            Push(segment.Span);
        }
    }

    public void Push(ReadOnlySpan<byte> data)
    {
        if (_failure is not null)
        {
            throw _failure;
        }

        while (!data.IsEmpty)
        {
            if (_headerFilled < MessageHeader.Size)
            {
                var take = Math.Min(MessageHeader.Size - _headerFilled, data.Length);
                data[..take].CopyTo(_header.AsSpan(_headerFilled));
                _headerFilled += take;
                data = data[take..];
                if (_headerFilled < MessageHeader.Size)
                {
                    return;
                }

                StartPayload();
                continue;
            }

            EnsurePayloadCapacity();
            var copy = Math.Min(_payload!.Length - _payloadFilled, data.Length);
            data[..copy].CopyTo(_payload.AsSpan(_payloadFilled));
            _payloadFilled += copy;
            data = data[copy..];
            CompleteIfFull();
        }
    }

    public bool TryNext(out RawMessage message) => _ready.TryDequeue(out message!);

    /// <summary>Checks that the stream did not end inside a frame.</summary>
    public void EnsureNoPartialMessage()
    {
        if (HasPartialMessage)
        {
            var got = _headerFilled < MessageHeader.Size
                ? $"{_headerFilled} of {MessageHeader.Size} header bytes"
                : $"{_payloadFilled} of {_current.Length} payload bytes of message {_current.Type.Describe()}";
            throw Fail($"The input stream ended in the middle of a message: got {got}.");
        }
    }

    private void StartPayload()
    {
        _current = MessageHeader.Read(_header);
        if (!_current.Type.IsKnown())
        {
            throw Fail($"Unknown message type {_current.Type.Describe()}.");
        }

        if (_current.Length > (uint)maxMessageSize)
        {
            throw Fail(
                $"Message {_current.Type.Describe()} has a payload of {_current.Length} bytes, "
                + $"above the limit of {maxMessageSize} bytes.");
        }

        _payload = _current.Length == 0 ? [] : new byte[Math.Min(_current.Length, InitialPayloadCapacity)];
        _payloadFilled = 0;
        CompleteIfFull();
    }

    private void EnsurePayloadCapacity()
    {
        if (_payloadFilled == _payload!.Length)
        {
            var grown = (int)Math.Min(_current.Length, (long)_payload.Length * 2);
            Array.Resize(ref _payload, grown);
        }
    }

    private void CompleteIfFull()
    {
        if (_payloadFilled < _current.Length)
        {
            return;
        }

        _ready.Enqueue(new RawMessage(_current.Type, _current.Flags, _payload!));
        _payload = null;
        _headerFilled = 0;
    }

    private ProtocolException Fail(string message)
    {
        _failure = ProtocolException.Violation(message);
        return _failure;
    }
}

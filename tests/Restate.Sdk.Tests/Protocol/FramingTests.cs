using System.Buffers;
using Google.Protobuf;
using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;

namespace Restate.Sdk.Tests.Protocol;

public class FramingTests
{
    [Fact]
    public void Header_is_type_flags_length_big_endian()
    {
        // Key "count" (7 bytes on the wire) + Value{"1234567"} (11 bytes) = an 18-byte payload.
        var message = new SetStateCommandMessage
        {
            Key = ByteString.CopyFromUtf8("count"),
            Value = new Value { Content = ByteString.CopyFromUtf8("1234567") },
        };
        var writer = new ArrayBufferWriter<byte>();

        MessageEncoder.Write(writer, MessageType.SetStateCommand, message);

        Assert.Equal(new byte[] { 0x04, 0x03, 0x00, 0x00, 0x00, 0x00, 0x00, 0x12 }, writer.WrittenSpan[..8].ToArray());
        Assert.Equal(8 + 18, writer.WrittenCount);
    }

    [Fact]
    public void Decoder_reassembles_frames_split_at_every_byte()
    {
        var writer = new ArrayBufferWriter<byte>();
        MessageEncoder.Write(writer, MessageType.End, new EndMessage());
        MessageEncoder.Write(writer, MessageType.SetStateCommand, new SetStateCommandMessage { Key = ByteString.CopyFromUtf8("k") });
        MessageEncoder.Write(writer, MessageType.SleepCommand, new SleepCommandMessage { WakeUpTime = 77, ResultCompletionId = 3 });
        var decoder = new MessageDecoder();
        var messages = new List<RawMessage>();

        foreach (var b in writer.WrittenSpan.ToArray())
        {
            decoder.Push([b]);
            while (decoder.TryNext(out var message))
            {
                messages.Add(message);
            }
        }

        Assert.Equal([MessageType.End, MessageType.SetStateCommand, MessageType.SleepCommand], messages.Select(m => m.Type));
        Assert.Equal(77UL, messages[2].Decode(SleepCommandMessage.Parser).WakeUpTime);
        Assert.False(decoder.HasPartialMessage);
    }

    [Fact]
    public void Decoder_reads_a_sequence_of_several_segments()
    {
        var writer = new ArrayBufferWriter<byte>();
        MessageEncoder.Write(writer, MessageType.SleepCommand, new SleepCommandMessage { WakeUpTime = 5, Name = "nap" });
        var bytes = writer.WrittenSpan.ToArray();
        var sequence = Segments(bytes[..3], bytes[3..11], bytes[11..]);
        var decoder = new MessageDecoder();

        decoder.Push(sequence);

        Assert.True(decoder.TryNext(out var message));
        Assert.Equal("nap", message.Decode(SleepCommandMessage.Parser).Name);
    }

    [Fact]
    public void Decoder_reassembles_a_large_payload_that_arrives_in_small_chunks()
    {
        var value = new byte[(3 * 1024 * 1024) + 7];
        new Random(42).NextBytes(value);
        var writer = new ArrayBufferWriter<byte>();
        MessageEncoder.Write(writer, MessageType.SetStateCommand, new SetStateCommandMessage { Key = ByteString.CopyFromUtf8("big"), Value = new Value { Content = ByteString.CopyFrom(value) } });
        var bytes = writer.WrittenSpan.ToArray();
        var decoder = new MessageDecoder();

        for (var offset = 0; offset < bytes.Length; offset += 1000)
        {
            decoder.Push(bytes.AsSpan(offset, Math.Min(1000, bytes.Length - offset)));
        }

        Assert.True(decoder.TryNext(out var message));
        Assert.Equal(value, message.Decode(SetStateCommandMessage.Parser).Value.Content.ToByteArray());
        Assert.False(decoder.HasPartialMessage);
    }

    [Fact]
    public void A_header_announcing_a_large_payload_costs_no_memory_until_the_bytes_arrive()
    {
        var decoder = new MessageDecoder();
        var header = new byte[8];
        new MessageHeader(MessageType.SetStateCommand, 0, 30 * 1024 * 1024).Write(header);

        var before = GC.GetAllocatedBytesForCurrentThread();
        decoder.Push(header);
        decoder.Push(new byte[100]);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(decoder.HasPartialMessage);
        Assert.True(allocated < 1024 * 1024, $"allocated {allocated} bytes for an 8-byte header and 100 payload bytes");
    }

    [Fact]
    public void Oversized_frame_is_a_protocol_violation()
    {
        var decoder = new MessageDecoder(maxMessageSize: 1024);
        var header = new byte[8];
        new MessageHeader(MessageType.SetStateCommand, 0, 1025).Write(header);

        var error = Assert.Throws<ProtocolException>(() => decoder.Push(header));

        Assert.Equal(571, error.Code);
        Assert.Contains("1025 bytes", error.Message, StringComparison.Ordinal);
        Assert.Contains("limit of 1024", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_message_type_is_a_protocol_violation()
    {
        var decoder = new MessageDecoder();
        var header = new byte[8];
        new MessageHeader((MessageType)0x0999, 0, 0).Write(header);

        var error = Assert.Throws<ProtocolException>(() => decoder.Push(header));

        Assert.Equal(571, error.Code);
        Assert.Contains("0x0999", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Stream_ending_inside_a_frame_is_a_protocol_violation()
    {
        var writer = new ArrayBufferWriter<byte>();
        MessageEncoder.Write(writer, MessageType.SleepCommand, new SleepCommandMessage { WakeUpTime = 5 });
        var decoder = new MessageDecoder();
        decoder.Push(writer.WrittenSpan[..^1]);

        var error = Assert.Throws<ProtocolException>(decoder.EnsureNoPartialMessage);

        Assert.Equal(571, error.Code);
        Assert.Contains("middle of a message", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Payload_that_is_not_protobuf_is_a_protocol_violation()
    {
        var raw = new RawMessage(MessageType.Start, 0, [0xFF, 0xFF, 0xFF]);

        var error = Assert.Throws<ProtocolException>(() => raw.Decode(StartMessage.Parser));

        Assert.Equal(571, error.Code);
    }

    private static ReadOnlySequence<byte> Segments(params byte[][] parts)
    {
        var first = new Segment(parts[0], 0);
        var last = first;
        foreach (var part in parts.Skip(1))
        {
            last = last.Append(part);
        }

        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}

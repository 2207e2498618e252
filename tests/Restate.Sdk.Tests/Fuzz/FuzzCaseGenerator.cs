using System.Buffers.Binary;
using Restate.Sdk.Protocol;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.Fuzz;

/// <summary>
/// Makes a seeded sequence of requests for the Restate endpoint: mutated journals (flipped bytes,
/// truncation, wrong and huge lengths, unknown types, garbage protobuf, dropped, repeated and
/// swapped frames), random bytes, wrong content types and versions, unknown routes, random discovery
/// Accept headers, streams sent in small chunks, and streams the client resets halfway.
/// </summary>
internal sealed class FuzzCaseGenerator(int seed)
{
    private const string V6 = "application/vnd.restate.invocation.v6";
    private const string V5 = "application/vnd.restate.invocation.v5";
    private const int MaxMessageSize = 32 * 1024 * 1024;

    private static readonly string[] BadContentTypes =
    [
        "application/json", "text/plain", "application/octet-stream", "application/vnd.restate.invocation.v4",
        "application/vnd.restate.invocation.v7", "application/vnd.restate.invocation.v0", "application/vnd.restate.invocation.v66",
        "application/vnd.restate.invocation.v6; charset=utf-8", "application/vnd.restate.invocation.V6", "application/vnd.restate.invocation.",
        "application/vnd.restate.invocation.v-6", "application/vnd.restate.invocation.v 6", "application/vnd.restate.endpointmanifest.v4+json",
    ];

    private static readonly string[] AcceptJunk =
    [
        "application/json", "text/html", "application/vnd.restate.endpointmanifest.v5+json", "application/vnd.restate.endpointmanifest.v0+json",
        "application/vnd.restate.endpointmanifest.v4", "application/vnd.restate.endpointmanifest.v+json", "application/vnd.restate.invocation.v6",
    ];

    private readonly Random _random = new(seed);
    private int _index;

    public FuzzCase Next()
    {
        var roll = _random.Next(100);
        return roll switch
        {
            < 55 => MutatedJournal(),
            < 62 => RandomBytes(),
            < 70 => WrongContentType(),
            < 77 => UnknownRoute(),
            < 85 => Discovery(),
            < 90 => Chunked(),
            < 95 => Aborted(),
            _ => Valid(),
        };
    }

    private FuzzCase MutatedJournal()
    {
        var (name, path, valid) = FuzzJournals.Valid[_random.Next(FuzzJournals.Valid.Count)];
        var frames = valid.Select(f => Encode(f)).ToList();
        var mutation = _random.Next(13);
        var expect = FuzzExpectation.InvocationStream;
        string description;
        var contentType = V6;
        switch (mutation)
        {
            case 0:
                {
                    var bytes = Concat(frames);
                    var flips = _random.Next(1, 5);
                    for (var i = 0; i < flips; i++)
                    {
                        bytes[_random.Next(bytes.Length)] ^= (byte)_random.Next(1, 256);
                    }

                    return Invoke($"flip {flips} bytes of {name}", path, V6, bytes, expect);
                }

            case 1:
                {
                    var bytes = Concat(frames);
                    var cut = _random.Next(1, bytes.Length);
                    var insideStart = cut < frames[0].Length;
                    return Invoke($"truncate {name} to {cut} of {bytes.Length} bytes", path, V6, bytes[..cut], insideStart ? FuzzExpectation.ProtocolViolation : expect);
                }

            case 2:
                {
                    var i = _random.Next(frames.Count);
                    var actual = frames[i].Length - MessageHeader.Size;
                    var wrong = (uint)_random.Next(0, (2 * actual) + 16);
                    if (wrong == actual)
                    {
                        wrong++;
                    }

                    BinaryPrimitives.WriteUInt32BigEndian(frames[i].AsSpan(4), wrong);
                    description = $"length {wrong} instead of {actual} in frame {i} of {name}";
                    break;
                }

            case 3:
                {
                    var i = _random.Next(frames.Count);
                    uint[] huge = [uint.MaxValue, 0x8000_0000, MaxMessageSize + 1, (uint)MaxMessageSize + (uint)_random.Next(2, 1 << 20)];
                    var length = _random.Next(20) == 0 ? MaxMessageSize : huge[_random.Next(huge.Length)];
                    BinaryPrimitives.WriteUInt32BigEndian(frames[i].AsSpan(4), length);
                    description = $"huge length {length} in frame {i} of {name}";
                    expect = FuzzExpectation.ProtocolViolation;
                    break;
                }

            case 4:
                {
                    var i = _random.Next(frames.Count);
                    var type = UnknownType();
                    BinaryPrimitives.WriteUInt16BigEndian(frames[i], type);
                    description = $"unknown type 0x{type:X4} in frame {i} of {name}";
                    expect = FuzzExpectation.ProtocolViolation;
                    break;
                }

            case 5:
                {
                    var i = _random.Next(frames.Count);
                    var payload = RandomBytes(_random.Next(0, 40));
                    frames[i] = Frame(BinaryPrimitives.ReadUInt16BigEndian(frames[i]), payload);
                    description = $"garbage protobuf in frame {i} of {name}";
                    break;
                }

            case 6:
                {
                    var i = _random.Next(frames.Count);
                    frames.RemoveAt(i);
                    description = $"drop frame {i} of {name}";
                    break;
                }

            case 7:
                {
                    var i = _random.Next(frames.Count);
                    frames.Insert(i, frames[i]);
                    description = $"repeat frame {i} of {name}";
                    break;
                }

            case 8:
                {
                    var i = _random.Next(frames.Count);
                    var j = _random.Next(frames.Count);
                    (frames[i], frames[j]) = (frames[j], frames[i]);
                    description = $"swap frames {i} and {j} of {name}";
                    break;
                }

            case 9:
                {
                    var known = Enum.GetValues<MessageType>();
                    var type = (ushort)known[_random.Next(known.Length)];
                    var i = _random.Next(1, frames.Count + 1);
                    frames.Insert(i, Frame(type, RandomBytes(_random.Next(0, 24))));
                    description = $"insert a random 0x{type:X4} frame at {i} of {name}";
                    break;
                }

            case 10:
                frames.Add(RandomBytes(_random.Next(1, 64)));
                description = $"random bytes after {name}";
                break;

            case 11:
                {
                    var i = _random.Next(frames.Count);
                    BinaryPrimitives.WriteUInt16BigEndian(frames[i].AsSpan(2), (ushort)_random.Next(1, 65536));
                    description = $"random flags in frame {i} of {name}";
                    break;
                }

            default:
                contentType = V5;
                description = $"{name} as protocol v5";
                break;
        }

        return Invoke(description, path, contentType, Concat(frames), expect);
    }

    private FuzzCase RandomBytes()
    {
        var (_, path, _) = FuzzJournals.Valid[_random.Next(FuzzJournals.Valid.Count)];
        var bytes = RandomBytes(_random.Next(1, 96));
        var headerIsKnown = bytes.Length >= MessageHeader.Size
            && ((MessageType)BinaryPrimitives.ReadUInt16BigEndian(bytes)).IsKnown()
            && BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(4)) <= MaxMessageSize;
        return Invoke("random bytes", path, V6, bytes, headerIsKnown ? FuzzExpectation.InvocationStream : FuzzExpectation.ProtocolViolation);
    }

    private FuzzCase WrongContentType()
    {
        var (name, path, frames) = FuzzJournals.Valid[_random.Next(FuzzJournals.Valid.Count)];
        var contentType = _random.Next(4) == 0 ? RandomAscii(_random.Next(1, 40)) : BadContentTypes[_random.Next(BadContentTypes.Length)];
        return Invoke($"{name} as '{contentType}'", path, contentType, Encode(frames), FuzzExpectation.UnsupportedMediaType);
    }

    private FuzzCase UnknownRoute()
    {
        var (_, _, frames) = FuzzJournals.Valid[0];
        var body = Encode(frames);
        return _random.Next(7) switch
        {
            0 => Invoke("unknown service", $"/invoke/{RandomName()}/echo", V6, body, FuzzExpectation.NotFound),
            1 => Invoke("unknown handler", $"/invoke/{FuzzJournals.Service}/{RandomName()}", V6, body, FuzzExpectation.NotFound),
            2 => Invoke("unknown service with a bad content type", $"/invoke/{RandomName()}/{RandomName()}", RandomAscii(8), body, FuzzExpectation.NotFound),
            3 => Invoke("missing handler segment", $"/invoke/{FuzzJournals.Service}", V6, body, FuzzExpectation.NotFound),
            4 => Invoke("extra path segment", $"/invoke/{FuzzJournals.Service}/echo/{RandomName()}", V6, body, FuzzExpectation.NotFound),
            5 => Invoke("encoded slash in the service", $"/invoke/{FuzzJournals.Service}%2Fecho/echo", V6, body, FuzzExpectation.NotFound),
            _ => new FuzzCase(_index++, "GET on invoke", HttpMethod.Get, $"/invoke/{FuzzJournals.Service}/echo", null, null, [], FuzzExpectation.MethodNotAllowed),
        };
    }

    private FuzzCase Discovery()
    {
        if (_random.Next(10) == 0)
        {
            return Invoke("POST on discover", "/discover", V6, RandomBytes(8), FuzzExpectation.MethodNotAllowed);
        }

        var tokens = new List<string>();
        var best = 0;
        var count = _random.Next(0, 5);
        for (var i = 0; i < count; i++)
        {
            if (_random.Next(2) == 0)
            {
                var version = _random.Next(1, 5);
                best = Math.Max(best, version);
                tokens.Add($"application/vnd.restate.endpointmanifest.v{version}+json");
            }
            else
            {
                tokens.Add(_random.Next(4) == 0 ? RandomAscii(_random.Next(1, 30)).Replace(",", string.Empty, StringComparison.Ordinal) : AcceptJunk[_random.Next(AcceptJunk.Length)]);
            }
        }

        var accept = count == 0 ? null : string.Join(_random.Next(2) == 0 ? ", " : ",", tokens);
        var expect = count == 0 || best > 0 ? FuzzExpectation.Manifest : FuzzExpectation.UnsupportedMediaType;
        return new FuzzCase(_index++, "discover", HttpMethod.Get, "/discover", null, accept, [], expect, ManifestVersion: count == 0 ? 1 : best);
    }

    private FuzzCase Chunked()
    {
        var (name, path, frames) = FuzzJournals.Valid[_random.Next(FuzzJournals.Valid.Count)];
        var chunk = _random.Next(1, 12);
        return Invoke($"{name} in chunks of {chunk} bytes", path, V6, Encode(frames), FuzzExpectation.Completed) with { ChunkSize = chunk };
    }

    private FuzzCase Aborted()
    {
        var (name, path, frames) = FuzzJournals.Valid[_random.Next(FuzzJournals.Valid.Count)];
        var bytes = Encode(frames);
        var cut = _random.Next(0, bytes.Length + 1);
        return Invoke($"{name} reset after {cut} of {bytes.Length} bytes", path, V6, bytes[..cut], FuzzExpectation.Aborted) with { AbortAfterBody = true };
    }

    private FuzzCase Valid()
    {
        var (name, path, frames) = FuzzJournals.Valid[_random.Next(FuzzJournals.Valid.Count)];
        return Invoke(name, path, V6, Encode(frames), FuzzExpectation.Completed);
    }

    private FuzzCase Invoke(string mutation, string path, string contentType, byte[] body, FuzzExpectation expect) =>
        new(_index++, mutation, HttpMethod.Post, path, contentType, null, body, expect);

    private ushort UnknownType()
    {
        while (true)
        {
            var type = (ushort)_random.Next(65536);
            if (!((MessageType)type).IsKnown())
            {
                return type;
            }
        }
    }

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string RandomName() => "n" + RandomAscii(_random.Next(1, 12), "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    private string RandomAscii(int length, string? alphabet = null)
    {
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = alphabet is null ? (char)_random.Next(0x21, 0x7F) : alphabet[_random.Next(alphabet.Length)];
        }

        return new string(chars);
    }

    private static byte[] Frame(ushort type, byte[] payload)
    {
        var frame = new byte[MessageHeader.Size + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, type);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, MessageHeader.Size);
        return frame;
    }

    private static byte[] Concat(List<byte[]> frames) => [.. frames.SelectMany(f => f)];
}

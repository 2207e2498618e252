using System.Buffers.Binary;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Restate.Sdk.IntegrationTests.Fixtures;

/// <summary>
/// A frame-level fake deployment (request/response mode over HTTP/1.1, register with <c>useHttp11</c>) whose service
/// completes invocations without the SDK, so the ingress client's success and failure paths can be tested against the
/// real server:
/// <c>echo</c> returns its input; <c>headers</c> returns the invocation's headers as a JSON object; <c>fail</c> ends with
/// a terminal failure 422 "rejected: {input}" and metadata <c>reason=test</c>. It writes only <c>OutputCommand</c> and
/// <c>End</c> (protocol §3), nothing else.
/// </summary>
public sealed class EchoEndpoint : IAsyncDisposable
{
    private const ushort InputCommandType = 0x0400;
    private const ushort OutputCommandType = 0x0401;
    private const ushort EndMessageType = 0x0003;

    private readonly WebApplication _app;
    private int _invocations;

    private EchoEndpoint(WebApplication app, string serviceName)
    {
        _app = app;
        ServiceName = serviceName;
    }

    public string ServiceName { get; }

    public Uri Url { get; private set; } = null!;

    /// <summary>How many invocation attempts reached the endpoint (a handler that ran once counts once).</summary>
    public int Invocations => Volatile.Read(ref _invocations);

    public static async Task<EchoEndpoint> StartAsync(string serviceName)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel =>
            kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http1));
        var app = builder.Build();
        var endpoint = new EchoEndpoint(app, serviceName);
        var manifest = Manifest(serviceName);

        app.MapGet("/discover", (HttpContext http) =>
        {
            http.Response.ContentType = "application/vnd.restate.endpointmanifest.v3+json";
            return http.Response.WriteAsync(manifest);
        });
        app.MapPost("/invoke/{service}/{handler}", endpoint.InvokeAsync);

        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        endpoint.Url = new Uri(address.EndsWith('/') ? address : address + "/");
        return endpoint;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task InvokeAsync(HttpContext http, string handler)
    {
        Interlocked.Increment(ref _invocations);

        // Request/response mode: the runtime sends Start and the journal, then closes the body.
        using var body = new MemoryStream();
        await http.Request.Body.CopyToAsync(body);
        var (input, headers) = ReadInput(body.ToArray());

        byte[] output = handler switch
        {
            "echo" => Field(14, Field(1, input)),
            "headers" => Field(14, Field(1, Encoding.UTF8.GetBytes(HeadersJson(headers)))),
            "fail" => Field(15, [.. Varint(1, 422), .. Field(2, Encoding.UTF8.GetBytes("rejected: " + Encoding.UTF8.GetString(input))), .. Field(3, [.. Field(1, "reason"u8.ToArray()), .. Field(2, "test"u8.ToArray())])]),
            _ => throw new InvalidOperationException($"unknown handler {handler}"),
        };

        // The response content type must equal the request's (the negotiated protocol version), byte for byte.
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = http.Request.ContentType;
        await http.Response.Body.WriteAsync(Frame(OutputCommandType, output));
        await http.Response.Body.WriteAsync(Frame(EndMessageType, []));
    }

    /// <summary>From the request's frames: <c>InputCommand.value.content</c> (fields 14, 1) and <c>InputCommand.headers</c> (field 1).</summary>
    private static (byte[] Input, List<KeyValuePair<string, string>> Headers) ReadInput(byte[] frames)
    {
        var offset = 0;
        while (offset + 8 <= frames.Length)
        {
            var type = BinaryPrimitives.ReadUInt16BigEndian(frames.AsSpan(offset));
            var length = (int)BinaryPrimitives.ReadUInt32BigEndian(frames.AsSpan(offset + 4));
            var payload = frames.AsSpan(offset + 8, length).ToArray();
            offset += 8 + length;
            if (type == InputCommandType)
            {
                var value = Fields(payload, 14).FirstOrDefault();
                var headers = Fields(payload, 1)
                    .Select(header => new KeyValuePair<string, string>(
                        Encoding.UTF8.GetString(Fields(header, 1).FirstOrDefault() ?? []),
                        Encoding.UTF8.GetString(Fields(header, 2).FirstOrDefault() ?? [])))
                    .ToList();
                return (value is null ? [] : Fields(value, 1).FirstOrDefault() ?? [], headers);
            }
        }

        throw new InvalidOperationException("The invocation request has no InputCommand.");
    }

    private static string HeadersJson(List<KeyValuePair<string, string>> headers)
    {
        var json = new JsonObject();
        foreach (var (key, value) in headers)
        {
            json[key.ToLowerInvariant()] = value;
        }

        return json.ToJsonString();
    }

    /// <summary>The contents of every length-delimited field with this number (repeated fields give several).</summary>
    private static List<byte[]> Fields(byte[] message, int fieldNumber)
    {
        var found = new List<byte[]>();
        var offset = 0;
        while (offset < message.Length)
        {
            var key = ReadVarint(message, ref offset);
            var (number, wireType) = ((int)(key >> 3), (int)(key & 7));
            switch (wireType)
            {
                case 0:
                    ReadVarint(message, ref offset);
                    break;
                case 1:
                    offset += 8;
                    break;
                case 2:
                    var length = (int)ReadVarint(message, ref offset);
                    if (number == fieldNumber)
                    {
                        found.Add(message.AsSpan(offset, length).ToArray());
                    }

                    offset += length;
                    break;
                case 5:
                    offset += 4;
                    break;
                default:
                    throw new InvalidOperationException($"Unsupported protobuf wire type {wireType}.");
            }
        }

        return found;
    }

    private static ulong ReadVarint(byte[] buffer, ref int offset)
    {
        ulong value = 0;
        for (var shift = 0; ; shift += 7)
        {
            var b = buffer[offset++];
            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }
    }

    private static byte[] Field(int number, byte[] content) => [.. VarintBytes((ulong)((number << 3) | 2)), .. VarintBytes((ulong)content.Length), .. content];

    private static byte[] Varint(int number, ulong value) => [.. VarintBytes((ulong)(number << 3)), .. VarintBytes(value)];

    private static byte[] VarintBytes(ulong value)
    {
        var bytes = new List<byte>();
        do
        {
            var b = (byte)(value & 0x7F);
            value >>= 7;
            bytes.Add(value == 0 ? b : (byte)(b | 0x80));
        }
        while (value != 0);
        return [.. bytes];
    }

    private static byte[] Frame(ushort type, byte[] payload)
    {
        var frame = new byte[8 + payload.Length];
        BinaryPrimitives.WriteUInt16BigEndian(frame, type);
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), (uint)payload.Length);
        payload.CopyTo(frame, 8);
        return frame;
    }

    private static string Manifest(string serviceName)
    {
        static JsonObject Handler(string name) => new()
        {
            ["name"] = name,
            ["input"] = new JsonObject { ["required"] = false, ["contentType"] = "application/json" },
            ["output"] = new JsonObject { ["contentType"] = "application/json" },
        };

        return new JsonObject
        {
            ["protocolMode"] = "REQUEST_RESPONSE",
            ["minProtocolVersion"] = 5,
            ["maxProtocolVersion"] = 6,
            ["services"] = new JsonArray(new JsonObject
            {
                ["name"] = serviceName,
                ["ty"] = "SERVICE",
                ["handlers"] = new JsonArray(Handler("echo"), Handler("headers"), Handler("fail")),
            }),
        }.ToJsonString();
    }
}

using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using Restate.Sdk.Serialization;

namespace Restate.Sdk.Endpoint;

/// <summary>
/// Writes the discovery manifest (<c>GET /discover</c>) for one negotiated manifest version. Only
/// keys the endpoint manifest schema lists are written, and only those the version has:
/// v2 adds documentation and metadata, v3 timeouts, retentions, lazy state and ingress-private,
/// v4 the retry policy. Durations are in milliseconds.
/// </summary>
internal static class EndpointManifest
{
    public const int MinVersion = 1;

    public const int MaxVersion = 4;

    public const int MinProtocolVersion = 5;

    public const int MaxProtocolVersion = 6;

    public static string ContentType(int version) => $"application/vnd.restate.endpointmanifest.v{version}+json";

    public static byte[] Write(IReadOnlyList<ServiceDefinition> services, ProtocolMode mode, int version, IRestateSerializer serializer)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(version, MinVersion);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(version, MaxVersion);

        var buffer = new ArrayBufferWriter<byte>();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("protocolMode", mode == ProtocolMode.RequestResponse ? "REQUEST_RESPONSE" : "BIDI_STREAM");
            json.WriteNumber("minProtocolVersion", MinProtocolVersion);
            json.WriteNumber("maxProtocolVersion", MaxProtocolVersion);
            json.WriteStartArray("services");
            foreach (var service in services)
            {
                WriteService(json, service, version, serializer);
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    private static void WriteService(Utf8JsonWriter json, ServiceDefinition service, int version, IRestateSerializer serializer)
    {
        json.WriteStartObject();
        json.WriteString("name", service.Name);
        json.WriteString("ty", service.Kind switch
        {
            ServiceKind.VirtualObject => "VIRTUAL_OBJECT",
            ServiceKind.Workflow => "WORKFLOW",
            _ => "SERVICE",
        });
        WriteOptions(json, service.Options, version);
        json.WriteStartArray("handlers");
        foreach (var handler in service.Handlers)
        {
            WriteHandler(json, service, handler, version, serializer);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteHandler(Utf8JsonWriter json, ServiceDefinition service, HandlerDefinition handler, int version, IRestateSerializer serializer)
    {
        json.WriteStartObject();
        json.WriteString("name", handler.Name);

        // Service handlers leave the type unset; a workflow's run handler says WORKFLOW explicitly
        // because the server reads an unset type on a workflow as SHARED.
        if (service.Kind != ServiceKind.Service)
        {
            json.WriteString("ty", handler.Kind switch
            {
                HandlerKind.Exclusive => "EXCLUSIVE",
                HandlerKind.Workflow => "WORKFLOW",
                _ => "SHARED",
            });
        }

        try
        {
            json.WritePropertyName("input");
            WriteInput(json, handler.InputType, serializer);
            json.WritePropertyName("output");
            WriteOutput(json, handler.OutputType, serializer);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or ArgumentException)
        {
            throw new RestateDefinitionException(
                $"Handler '{service.Name}/{handler.Name}' has an input or output type the serializer cannot describe: {e.Message}", e);
        }

        WriteOptions(json, handler.Options, version);
        if (version >= 3 && handler.Options.WorkflowCompletionRetention is { } retention)
        {
            json.WriteNumber("workflowCompletionRetention", Milliseconds(retention));
        }

        json.WriteEndObject();
    }

    private static void WriteInput(Utf8JsonWriter json, Type? inputType, IRestateSerializer serializer)
    {
        json.WriteStartObject();
        if (inputType is null)
        {
            // No input is read: accept an empty call, with or without a content type.
            json.WriteBoolean("required", false);
            json.WriteString("contentType", serializer.ContentType);
        }
        else
        {
            json.WriteString("contentType", serializer.ContentType);
            json.WriteBoolean("required", true);
            WriteSchema(json, inputType, serializer);
        }

        json.WriteEndObject();
    }

    private static void WriteOutput(Utf8JsonWriter json, Type? outputType, IRestateSerializer serializer)
    {
        json.WriteStartObject();
        if (outputType is not null)
        {
            json.WriteString("contentType", serializer.ContentType);
        }

        json.WriteBoolean("setContentTypeIfEmpty", false);
        if (outputType is not null)
        {
            WriteSchema(json, outputType, serializer);
        }

        json.WriteEndObject();
    }

    private static void WriteSchema(Utf8JsonWriter json, Type type, IRestateSerializer serializer)
    {
        if (serializer is SystemTextJsonRestateSerializer systemTextJson)
        {
            JsonNode schema = systemTextJson.GetJsonSchema(type);
            json.WritePropertyName("jsonSchema");
            schema.WriteTo(json);
        }
    }

    private static void WriteOptions(Utf8JsonWriter json, InvocationOptions options, int version)
    {
        if (version >= 2)
        {
            if (options.Documentation is { } documentation)
            {
                json.WriteString("documentation", documentation);
            }

            if (options.Metadata.Count > 0)
            {
                json.WriteStartObject("metadata");
                foreach (var (key, value) in options.Metadata)
                {
                    json.WriteString(key, value);
                }

                json.WriteEndObject();
            }
        }

        if (version >= 3)
        {
            WriteDuration(json, "inactivityTimeout", options.InactivityTimeout);
            WriteDuration(json, "abortTimeout", options.AbortTimeout);
            WriteDuration(json, "journalRetention", options.JournalRetention);
            WriteDuration(json, "idempotencyRetention", options.IdempotencyRetention);
            if (options.EnableLazyState is { } lazy)
            {
                json.WriteBoolean("enableLazyState", lazy);
            }

            if (options.IngressPrivate is { } ingressPrivate)
            {
                json.WriteBoolean("ingressPrivate", ingressPrivate);
            }
        }

        if (version >= 4 && options.RetryPolicy is { } retry)
        {
            WriteDuration(json, "retryPolicyInitialInterval", retry.InitialInterval);
            WriteDuration(json, "retryPolicyMaxInterval", retry.MaxInterval);
            if (retry.MaxAttempts is { } attempts)
            {
                json.WriteNumber("retryPolicyMaxAttempts", attempts);
            }

            if (retry.ExponentiationFactor is { } factor)
            {
                json.WriteNumber("retryPolicyExponentiationFactor", factor);
            }

            if (retry.OnMaxAttempts is { } onMax)
            {
                json.WriteString("retryPolicyOnMaxAttempts", onMax == OnMaxAttempts.Kill ? "KILL" : "PAUSE");
            }
        }
    }

    private static void WriteDuration(Utf8JsonWriter json, string name, TimeSpan? value)
    {
        if (value is { } duration)
        {
            json.WriteNumber(name, Milliseconds(duration));
        }
    }

    private static long Milliseconds(TimeSpan duration) => (long)duration.TotalMilliseconds;
}

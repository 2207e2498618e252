using System.Net;
using System.Text;
using System.Text.Json;

namespace Restate.Sdk.Clients.Internal;

/// <summary>Reads the ingress error body <c>{"code", "message", "source", "metadata"?}</c>, or falls back to the text.</summary>
internal static class IngressErrorParser
{
    public static RestateIngressException Parse(IngressResponse response)
    {
        int? code = null;
        string? message = null;
        var source = response.ErrorSource ?? RestateErrorSource.Unknown;
        var metadata = new Dictionary<string, string>();

        if (TryParseJson(response.Body, out var root))
        {
            if (root.TryGetProperty("code", out var codeElement) && codeElement.TryGetInt32(out var parsedCode))
            {
                code = parsedCode;
            }

            if (root.TryGetProperty("message", out var messageElement) && messageElement.ValueKind == JsonValueKind.String)
            {
                message = messageElement.GetString();
            }

            if (source == RestateErrorSource.Unknown
                && root.TryGetProperty("source", out var sourceElement)
                && sourceElement.ValueKind == JsonValueKind.String)
            {
                source = ParseSource(sourceElement.GetString());
            }

            if (root.TryGetProperty("metadata", out var metadataElement) && metadataElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in metadataElement.EnumerateObject())
                {
                    metadata[property.Name] = property.Value.ValueKind == JsonValueKind.String
                        ? property.Value.GetString() ?? string.Empty
                        : property.Value.GetRawText();
                }
            }
        }

        if (string.IsNullOrWhiteSpace(message))
        {
            var text = Encoding.UTF8.GetString(response.Body.Span).Trim();
            message = text.Length > 0
                ? text
                : $"The Restate ingress answered {(int)response.StatusCode} {response.StatusCode} without a message.";
        }

        return new RestateIngressException(message, response.StatusCode, code, source, response.InvocationId, metadata);
    }

    public static RestateErrorSource ParseSource(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "ingress" => RestateErrorSource.Ingress,
        "invocation" => RestateErrorSource.Invocation,
        _ => RestateErrorSource.Unknown,
    };

    private static bool TryParseJson(ReadOnlyMemory<byte> body, out JsonElement root)
    {
        root = default;
        if (body.IsEmpty)
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }

            root = document.RootElement.Clone();
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    public static bool IsNotReady(IngressResponse response) =>
        (int)response.StatusCode == 470 && response.ErrorSource != RestateErrorSource.Invocation;
}

using System.Text.Json;

namespace SkAgentSession.Api;

/// <summary>Reads a small JSON object body, with a clear message for each way it can be wrong.</summary>
internal static class JsonObjectBodyReader
{
    private const int MaxBodyBytes = 16 * 1024;

    public static async Task<(JsonElement Body, string? Error)> ReadAsync(HttpRequest request, string example, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            var actual = string.IsNullOrEmpty(request.ContentType) ? "none" : $"'{request.ContentType}'";
            return (default, $"The content type must be 'application/json' (it was {actual}).");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return (default, $"The request body is over {MaxBodyBytes} bytes.");
            }
        }

        try
        {
            using var document = JsonDocument.Parse(buffer.ToArray());
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? (document.RootElement.Clone(), null)
                : (default, $"The body must be a JSON object such as {example}.");
        }
        catch (JsonException)
        {
            return (default, $"The body is not valid JSON; send a JSON object such as {example}.");
        }
    }
}

using System.Text.Json;
using SkAgentSession.Sessions;

namespace SkAgentSession.Api;

/// <summary>
/// Reads and checks the body of a chat message request, so every kind of bad input gets its own
/// clear message instead of a generic binding failure.
/// </summary>
internal static class ChatMessageBodyReader
{
    // A message of 32 KiB may grow when JSON-escaped; anything beyond this cannot hold a valid one.
    private const int MaxBodyBytes = (SessionInputRules.MaxMessageBytes * 6) + 1024;

    public static async Task<(string? Message, string? Error)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            var actual = string.IsNullOrEmpty(request.ContentType) ? "none" : $"'{request.ContentType}'";
            return (null, $"The content type must be 'application/json' (it was {actual}).");
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, $"The request body is {request.ContentLength} bytes; a message may be at most {SessionInputRules.MaxMessageBytes} bytes (32 KiB).");
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBodyBytes)
            {
                return (null, $"The request body is over {MaxBodyBytes} bytes; a message may be at most {SessionInputRules.MaxMessageBytes} bytes (32 KiB).");
            }
        }

        if (buffer.Length == 0)
        {
            return (null, "The request body is empty: send {\"message\": \"...\"}.");
        }

        return Parse(buffer.GetBuffer().AsMemory(0, (int)buffer.Length));
    }

    private static (string? Message, string? Error) Parse(ReadOnlyMemory<byte> body)
    {
        string? message;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return (null, "The request body must be a JSON object like {\"message\": \"...\"}.");
            }

            if (!document.RootElement.TryGetProperty("message", out var property))
            {
                return (null, SessionInputRules.CheckMessage(null));
            }

            if (property.ValueKind != JsonValueKind.String)
            {
                return (null, "The 'message' field must be a string.");
            }

            message = property.GetString();
        }
        catch (InvalidOperationException)
        {
            // The parser checks structure only; invalid UTF-8 or an unpaired surrogate in the string shows up here.
            return (null, "The 'message' field is not valid Unicode text: it holds invalid UTF-8 or an unpaired surrogate.");
        }
        catch (JsonException exception)
        {
            return (null, $"The request body is not valid JSON: {exception.Message}");
        }

        var error = SessionInputRules.CheckMessage(message);
        return error is null ? (message, null) : (null, error);
    }
}

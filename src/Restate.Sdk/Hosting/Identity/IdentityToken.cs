using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;

namespace Restate.Sdk.Hosting.Identity;

/// <summary>
/// The parts of a compact JWS (<c>header.payload.signature</c>) that request identity v1 checks:
/// the header's <c>alg</c> and <c>kid</c>, the claims <c>aud</c>, <c>exp</c>, <c>iat</c> and
/// <c>nbf</c>, and the signature over the first two segments. Parsing checks shape only; the
/// signature and the claims are checked by <see cref="RequestIdentityVerifier"/>.
/// </summary>
internal sealed class IdentityToken
{
    /// <summary>Restate's tokens are a few hundred characters; anything far longer is not one.</summary>
    public const int MaxLength = 8 * 1024;

    private static readonly JsonDocumentOptions StrictJson = new() { AllowDuplicateProperties = false, MaxDepth = 8 };

    private IdentityToken(
        string? algorithm,
        string? keyId,
        IReadOnlyList<string>? audience,
        double? expiresAt,
        double? issuedAt,
        double? notBefore,
        byte[] signingInput,
        byte[] signature)
    {
        Algorithm = algorithm;
        KeyId = keyId;
        Audience = audience;
        ExpiresAt = expiresAt;
        IssuedAt = issuedAt;
        NotBefore = notBefore;
        SigningInput = signingInput;
        Signature = signature;
    }

    public string? Algorithm { get; }

    public string? KeyId { get; }

    /// <summary>The <c>aud</c> claim: one string or an array of strings.</summary>
    public IReadOnlyList<string>? Audience { get; }

    /// <summary>The <c>exp</c> claim, in seconds since the Unix epoch.</summary>
    public double? ExpiresAt { get; }

    public double? IssuedAt { get; }

    public double? NotBefore { get; }

    /// <summary>The ASCII bytes of <c>header.payload</c>, which the signature covers.</summary>
    public byte[] SigningInput { get; }

    public byte[] Signature { get; }

    public static bool TryParse(string token, [NotNullWhen(true)] out IdentityToken? parsed, [NotNullWhen(false)] out string? error)
    {
        parsed = null;
        if (token.Length > MaxLength)
        {
            error = $"it is {token.Length} characters long, above the limit of {MaxLength}";
            return false;
        }

        var segments = token.Split('.');
        if (segments.Length != 3)
        {
            error = $"a JWT has 3 dot-separated parts, this one has {segments.Length}";
            return false;
        }

        if (!TryDecodeSegment(segments[0], "header", out var headerBytes, out error)
            || !TryDecodeSegment(segments[1], "payload", out var payloadBytes, out error)
            || !TryDecodeSegment(segments[2], "signature", out var signature, out error))
        {
            return false;
        }

        try
        {
            using var header = JsonDocument.Parse(headerBytes, StrictJson);
            using var payload = JsonDocument.Parse(payloadBytes, StrictJson);
            if (header.RootElement.ValueKind != JsonValueKind.Object || payload.RootElement.ValueKind != JsonValueKind.Object)
            {
                error = "its header and payload must be JSON objects";
                return false;
            }

            parsed = new IdentityToken(
                ReadString(header.RootElement, "alg"),
                ReadString(header.RootElement, "kid"),
                ReadAudience(payload.RootElement),
                ReadNumericDate(payload.RootElement, "exp"),
                ReadNumericDate(payload.RootElement, "iat"),
                ReadNumericDate(payload.RootElement, "nbf"),
                Encoding.ASCII.GetBytes(token, 0, segments[0].Length + 1 + segments[1].Length),
                signature);
            return true;
        }
        catch (JsonException e)
        {
            error = $"its header or payload is not valid JSON ({e.Message})";
            return false;
        }
        catch (FormatException e)
        {
            error = e.Message;
            return false;
        }
        catch (InvalidOperationException)
        {
            // The parser checks structure only; a string with invalid UTF-8 fails when it is read.
            error = "its header or payload holds a string that is not valid UTF-8";
            return false;
        }
    }

    private static bool TryDecodeSegment(string segment, string name, out byte[] bytes, [NotNullWhen(false)] out string? error)
    {
        bytes = [];
        if (segment.Length == 0 || !Base64Url.IsValid(segment))
        {
            error = $"its {name} is not base64url";
            return false;
        }

        bytes = Base64Url.DecodeFromChars(segment);
        error = null;
        return true;
    }

    private static string? ReadString(JsonElement header, string name)
    {
        if (!header.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new FormatException($"its header field '{name}' must be a string");
    }

    private static List<string>? ReadAudience(JsonElement claims)
    {
        if (!claims.TryGetProperty("aud", out var aud))
        {
            return null;
        }

        switch (aud.ValueKind)
        {
            case JsonValueKind.String:
                return [aud.GetString()!];
            case JsonValueKind.Array when aud.EnumerateArray().All(a => a.ValueKind == JsonValueKind.String):
                return [.. aud.EnumerateArray().Select(a => a.GetString()!)];
            default:
                throw new FormatException("its 'aud' claim must be a string or an array of strings");
        }
    }

    private static double? ReadNumericDate(JsonElement claims, string name)
    {
        if (!claims.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var seconds) && double.IsFinite(seconds)
            ? seconds
            : throw new FormatException($"its '{name}' claim must be a number of seconds since the Unix epoch");
    }
}

using System.Text.RegularExpressions;

namespace SkAgentSession.Models;

/// <summary>
/// Removes the configured API key, and anything shaped like an OpenAI key, from text that may
/// reach logs, errors or durable state (error bodies from some servers echo part of the key).
/// </summary>
public sealed partial class SecretRedactor
{
    private const string Mask = "[redacted]";
    private readonly string? _secret;

    public SecretRedactor(string? secret)
    {
        _secret = string.IsNullOrWhiteSpace(secret) ? null : secret;
    }

    public static SecretRedactor None { get; } = new(null);

    public string Redact(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_secret is not null)
        {
            text = text.Replace(_secret, Mask, StringComparison.Ordinal);
        }

        return OpenAIKeyShape().Replace(text, Mask);
    }

    [GeneratedRegex(@"\bsk-[A-Za-z0-9_\-\*]{6,}")]
    private static partial Regex OpenAIKeyShape();
}

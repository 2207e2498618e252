using System.Text;
using System.Text.RegularExpressions;

namespace SkAgentSession.Sessions;

/// <summary>
/// The input rules of a session, enforced both by the HTTP API and by the virtual object itself,
/// so a direct call on the Restate ingress is held to the same rules.
/// </summary>
public static partial class SessionInputRules
{
    public const int MaxMessageBytes = 32 * 1024;

    public const string SessionIdRule = "1 to 128 characters from A-Z, a-z, 0-9, '_', '.' and '-', not only dots";

    [GeneratedRegex("^[A-Za-z0-9_.-]{1,128}$", RegexOptions.CultureInvariant)]
    private static partial Regex SessionIdPattern();

    // "." and ".." match the pattern but cannot be addressed in a URL path, which normalizes them away.
    public static bool IsValidSessionId(string? sessionId) =>
        sessionId is not null && SessionIdPattern().IsMatch(sessionId) && sessionId.Trim('.').Length > 0;

    /// <summary>Why the session id is not valid, or <c>null</c> when it is.</summary>
    public static string? CheckSessionId(string? sessionId) =>
        IsValidSessionId(sessionId)
            ? null
            : $"The session id '{Truncate(sessionId)}' is not valid: use {SessionIdRule}.";

    /// <summary>Why the message is not acceptable, or <c>null</c> when it is.</summary>
    public static string? CheckMessage(string? message)
    {
        if (message is null)
        {
            return "The request needs a 'message' field with the user's text.";
        }

        if (string.IsNullOrWhiteSpace(message))
        {
            return "The message is empty: send some text.";
        }

        var bytes = Encoding.UTF8.GetByteCount(message);
        return bytes > MaxMessageBytes
            ? $"The message is {bytes} bytes long; the limit is {MaxMessageBytes} bytes (32 KiB)."
            : null;
    }

    private static string Truncate(string? value) =>
        value is null ? string.Empty : value.Length <= 40 ? value : value[..40] + "…";
}

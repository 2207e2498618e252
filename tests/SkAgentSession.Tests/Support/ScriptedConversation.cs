namespace SkAgentSession.Tests.Support;

/// <summary>
/// A conversation with the scripted airline agents that goes through every path: small talk, an FAQ
/// handoff and lookup, a handoff to seat booking, a seat change, a question in another script, and HTML.
/// </summary>
internal static class ScriptedConversation
{
    public static IReadOnlyList<string> Turns { get; } =
    [
        "Hi!",
        "How much baggage can I bring?",
        "Thanks. Now I'd like to switch seats.",
        "My confirmation number is ABC123",
        "Seat 12A please",
        "Wait, is there wifi? Où est le réseau?",
        "<img src=x onerror=alert(1)>",
    ];
}

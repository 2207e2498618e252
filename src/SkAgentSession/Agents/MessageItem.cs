using System.Text.Json.Serialization;

namespace SkAgentSession.Agents;

/// <summary>A user message or a plain assistant message.</summary>
public sealed record MessageItem : SessionItem
{
    private readonly SessionItemRole _role;

    [JsonPropertyName("role")]
    [JsonPropertyOrder(-3)]
    public override required SessionItemRole Role
    {
        get => _role;
        init => _role = value is SessionItemRole.User or SessionItemRole.Assistant
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, "A message item's role is 'user' or 'assistant'.");
    }

    [JsonPropertyName("content")]
    public required string Content { get; init; }

    public static MessageItem FromUser(string agent, string content, DateTimeOffset timestamp) =>
        new() { Role = SessionItemRole.User, Agent = agent, Content = content, Timestamp = timestamp };

    public static MessageItem FromAssistant(string agent, string content, DateTimeOffset timestamp) =>
        new() { Role = SessionItemRole.Assistant, Agent = agent, Content = content, Timestamp = timestamp };
}

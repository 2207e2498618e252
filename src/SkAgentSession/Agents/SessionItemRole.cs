using System.Text.Json.Serialization;

namespace SkAgentSession.Agents;

/// <summary>Who a session item speaks for, as the model sees it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SessionItemRole>))]
public enum SessionItemRole
{
    [JsonStringEnumMemberName("user")]
    User,

    [JsonStringEnumMemberName("assistant")]
    Assistant,

    [JsonStringEnumMemberName("tool")]
    Tool,
}

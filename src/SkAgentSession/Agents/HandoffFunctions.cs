using System.Text;
using System.Text.Json;

namespace SkAgentSession.Agents;

/// <summary>
/// Naming and payloads of the functions through which a model hands the conversation to another
/// agent: <c>transfer_to_seat_booking_agent</c> for "Seat Booking Agent".
/// </summary>
public static class HandoffFunctions
{
    public const string NamePrefix = "transfer_to_";

    /// <summary>The function name the model calls to hand off to <paramref name="agentName"/>.</summary>
    public static string FunctionName(string agentName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(agentName);
        var name = new StringBuilder(NamePrefix);
        foreach (var c in agentName.Trim().ToLowerInvariant())
        {
            name.Append(char.IsAsciiLetterOrDigit(c) ? c : '_');
        }

        return name.ToString();
    }

    /// <summary>The tool result the model sees after a handoff.</summary>
    public static string Result(string targetAgent) =>
        JsonSerializer.Serialize(new Dictionary<string, string> { ["assistant"] = targetAgent }, SessionItemJson.Options);

    public static string Description(string targetAgent, string handoffDescription) =>
        string.IsNullOrWhiteSpace(handoffDescription)
            ? $"Hand the conversation to the {targetAgent}."
            : $"Hand the conversation to the {targetAgent}. {handoffDescription}";
}

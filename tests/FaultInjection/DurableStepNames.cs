using System.Globalization;

namespace SkAgentSession.FaultInjection;

/// <summary>The names the app gives its durable steps (issue 10 contract), and the kind of step a journal name stands for.</summary>
internal static class DurableStepNames
{
    public const string AgentTurn = "agent turn";
    public const string AgentTurnAfterApproval = "agent turn (after approval)";

    private const string ModelRequestPrefix = "model request ";
    private const string ToolPrefix = "tool ";
    private const string HandoffPrefix = "handoff ";

    public static string ModelRequest(int number) => string.Create(CultureInfo.InvariantCulture, $"{ModelRequestPrefix}{number}");

    public static string Tool(string name, string callId) => $"{ToolPrefix}{name} {callId}";

    public static string Handoff(string callId) => HandoffPrefix + callId;

    public static DurableStepKind KindOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        if (name is AgentTurn or AgentTurnAfterApproval)
        {
            return DurableStepKind.AgentTurn;
        }

        if (name.StartsWith(ModelRequestPrefix, StringComparison.Ordinal)
            && int.TryParse(name.AsSpan(ModelRequestPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number > 0)
        {
            return DurableStepKind.ModelRequest;
        }

        if (name.StartsWith(ToolPrefix, StringComparison.Ordinal) && name.Split(' ').Length == 3)
        {
            return DurableStepKind.Tool;
        }

        if (name.StartsWith(HandoffPrefix, StringComparison.Ordinal) && name.Split(' ').Length == 2)
        {
            return DurableStepKind.Handoff;
        }

        return DurableStepKind.Other;
    }

    /// <summary>Whether the step makes model requests (and so owns the call-log lines logged while it is the step under way).</summary>
    public static bool RequestsTheModel(DurableStepKind kind) => kind is DurableStepKind.AgentTurn or DurableStepKind.ModelRequest;
}

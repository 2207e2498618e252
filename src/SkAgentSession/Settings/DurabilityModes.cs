namespace SkAgentSession.Settings;

/// <summary>How much of a turn one durable step holds.</summary>
public static class DurabilityModes
{
    /// <summary>The whole turn is one durable step (split only where it waits for an approval). The default.</summary>
    public const string Turn = "turn";

    /// <summary>Each model request, tool call and handoff is a durable step of its own.</summary>
    public const string Step = "step";

    public static bool IsKnown(string? mode) => mode is Turn or Step;
}

namespace SkAgentSession.Agents;

/// <summary>Limits of one agent turn.</summary>
public sealed class AgentRunnerOptions
{
    /// <summary>
    /// Most model requests one turn may make, across tool calls and handoffs. A turn that needs
    /// more ends with <see cref="AgentStepLimitExceededException"/>.
    /// </summary>
    public int MaxModelRequestsPerTurn { get; set; } = 12;

    /// <summary>
    /// Stream model responses (the default): text is reported as it arrives. Off, each response
    /// comes whole and its text is reported at once, for OpenAI-compatible servers that cannot
    /// stream; the stored items are the same either way.
    /// </summary>
    public bool Streaming { get; set; } = true;

    /// <summary>
    /// Makes every tool call (not a handoff) take at least this long, honouring the turn's
    /// cancellation: a demo shows tool calls in flight, and a test can stop a turn during one. Zero
    /// (the default) adds nothing.
    /// </summary>
    public TimeSpan SimulatedToolLatency { get; set; } = TimeSpan.Zero;
}

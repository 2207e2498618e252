namespace SkAgentSession.Agents.Loop;

/// <summary>
/// The next thing a turn does, decided from its <see cref="TurnProgress{TContext}"/> alone (so the
/// handler can decide it again on replay). <see cref="StepName"/> names it as a durable step.
/// </summary>
public sealed record TurnAction(TurnActionKind Kind, int RequestNumber = 0, string? CallId = null, string? Name = null)
{
    public static TurnAction Done { get; } = new(TurnActionKind.Done);

    /// <summary>The name of the durable step that runs this action in <c>step</c> mode.</summary>
    public string StepName => Kind switch
    {
        TurnActionKind.ModelRequest => $"model request {RequestNumber}",
        TurnActionKind.Tool => $"tool {Name} {CallId}",
        TurnActionKind.Handoff => $"handoff {CallId}",
        _ => throw new InvalidOperationException($"A {Kind} action is not a step."),
    };

    /// <summary>True for the actions that run code with effects (model, tools, handoff actions).</summary>
    public bool IsStep => Kind is TurnActionKind.ModelRequest or TurnActionKind.Tool or TurnActionKind.Handoff;
}

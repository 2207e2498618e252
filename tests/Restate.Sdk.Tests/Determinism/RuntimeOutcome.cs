using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using Restate.Sdk.Tests.StateMachine;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>How one simulated invocation ended: its journal, its output, and what each attempt sent.</summary>
internal sealed record RuntimeOutcome(
    IReadOnlyList<Frame> Journal,
    string Output,
    IReadOnlyList<IReadOnlyList<Frame>> AttemptFrames,
    IReadOnlyList<SuspensionMessage> Suspensions,
    IReadOnlyList<ErrorMessage> RetriedErrors)
{
    public IEnumerable<Frame> Commands => Journal.Where(f => f.Type.IsCommand());

    public override string ToString() =>
        $"output {Output}, {AttemptFrames.Count} attempt(s)\n{DeterminismViolation.Describe(Journal)}";
}

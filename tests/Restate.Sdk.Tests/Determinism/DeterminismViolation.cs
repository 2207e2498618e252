using Restate.Sdk.Tests.StateMachine;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>The SDK did something a deterministic replay must not do; the message says what, with the journal.</summary>
internal sealed class DeterminismViolation(string message) : Exception(message)
{
    public static DeterminismViolation With(string what, IEnumerable<Frame> journal) =>
        new($"{what}\nJournal:\n{Describe(journal)}");

    public static string Describe(IEnumerable<Frame> frames) =>
        string.Join("\n", frames.Select((f, i) => $"  [{i}] {f}"));
}

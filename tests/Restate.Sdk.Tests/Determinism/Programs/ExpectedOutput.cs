using Restate.Sdk.Tests.StateMachine;

namespace Restate.Sdk.Tests.Determinism.Programs;

/// <summary>
/// The output a program must produce with a given journal, computed without the SDK: every
/// operation yields its label, and a race is won by the future the journal completes first.
/// </summary>
internal static class ExpectedOutput
{
    public static string Of(ProgramNode program, IReadOnlyList<Frame> journal) => DeterminismCase.Json(Evaluate(program, journal));

    private static string Evaluate(ProgramNode node, IReadOnlyList<Frame> journal) => node switch
    {
        SequenceNode sequence => $"({string.Join(",", sequence.Steps.Select(s => Evaluate(s, journal)))})",
        ForkNode fork => $"[{string.Join("|", fork.Branches.Select(b => Evaluate(b, journal)))}]",
        JoinNode join => $"{{{string.Join(",", join.Futures.Select(f => f.Label))}}}",
        RaceNode race => $"~{race.Futures[JournalQueries.FirstCompleted(journal, [.. race.Futures.Select(f => f.Label)])].Label}~",
        GetStateNode get => ProgramGenerator.InitialState.TryGetValue(get.Key, out var json) ? json.Trim('"') : "-",
        SetStateNode set => set.Label,
        FutureNode future => future.Label,
        _ => throw new NotSupportedException(node.ToString()),
    };
}

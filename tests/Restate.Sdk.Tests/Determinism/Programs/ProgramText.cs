namespace Restate.Sdk.Tests.Determinism.Programs;

/// <summary>A generated program as short, readable pseudo code, for failure messages.</summary>
internal static class ProgramText
{
    public static string Describe(ProgramNode node) => node switch
    {
        SequenceNode s => $"seq{(s.ConfigureAwaitFalse ? "/caf" : "")}({string.Join("; ", s.Steps.Select(Describe))})",
        ForkNode f => $"WhenAll({string.Join(", ", f.Branches.Select(Describe))})",
        JoinNode j => $"DurableFuture.All({string.Join(", ", j.Futures.Select(Describe))})",
        RaceNode r => $"{r.Kind}({string.Join(", ", r.Futures.Select(Describe))})",
        RunNode r => $"run {r.Label}{(r.FailsFirst ? " fails-first" : "")}{(r.Yields ? " yields" : "")}",
        SleepNode s => $"sleep {s.Label}",
        CallNode c => $"call {c.Label}",
        AwakeableNode a => $"awakeable {a.Label}",
        GetStateNode g => $"get {g.Key}",
        SetStateNode s => $"set {s.Label}",
        _ => node.ToString(),
    };
}

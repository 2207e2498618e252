namespace Restate.Sdk.Tests.Determinism.Programs;

/// <summary>
/// A generated handler program: a tree of durable operations and of the ways .NET code combines
/// them. Every operation has a unique label; its value is its label, so a program's output is a
/// function of the program and of which operation won each race.
/// </summary>
internal abstract record ProgramNode;

/// <summary>An operation that can also stand as a durable future in a join or race.</summary>
internal abstract record FutureNode(string Label) : ProgramNode;

/// <param name="FailsFirst">The closure's first execution in an invocation fails transiently.</param>
/// <param name="Yields">The closure completes asynchronously.</param>
internal sealed record RunNode(string Label, bool FailsFirst, bool Yields) : FutureNode(Label);

internal sealed record SleepNode(string Label) : FutureNode(Label);

internal sealed record CallNode(string Label) : FutureNode(Label);

/// <summary>An awakeable published to the outside world, which resolves it with the label.</summary>
internal sealed record AwakeableNode(string Label) : FutureNode(Label);

/// <summary>Reads a key no operation writes (from the initial state, eagerly or lazily).</summary>
internal sealed record GetStateNode(string Key) : ProgramNode;

/// <summary>Writes the label under the label as key.</summary>
internal sealed record SetStateNode(string Label) : ProgramNode;

/// <param name="ConfigureAwaitFalse">Each step is awaited with ConfigureAwait(false).</param>
internal sealed record SequenceNode(IReadOnlyList<ProgramNode> Steps, bool ConfigureAwaitFalse) : ProgramNode;

/// <summary>Async branches run concurrently and joined with Task.WhenAll.</summary>
internal sealed record ForkNode(IReadOnlyList<ProgramNode> Branches) : ProgramNode;

/// <summary>Futures created together and joined with DurableFuture.All.</summary>
internal sealed record JoinNode(IReadOnlyList<FutureNode> Futures) : ProgramNode;

/// <summary>Futures created together; the first to complete wins.</summary>
internal sealed record RaceNode(IReadOnlyList<FutureNode> Futures, RaceKind Kind) : ProgramNode;

internal enum RaceKind
{
    TaskWhenAny,
    DurableFutureAny,
    DurableFutureRace,
}

namespace Restate.Sdk.Tests.Determinism.Programs;

/// <summary>Random small programs from a seed: the same seed, the same program.</summary>
/// <param name="sequentialOnly">Only sequences: every operation is awaited before the next starts.</param>
internal sealed class ProgramGenerator(int seed, bool sequentialOnly = false)
{
    /// <summary>Keys of the initial state; no program writes them.</summary>
    public static readonly IReadOnlyDictionary<string, string> InitialState = new Dictionary<string, string>
    {
        ["init0"] = "\"v0\"",
        ["init1"] = "\"v1\"",
    };

    private readonly Random _random = new(seed);
    private int _labels;

    public ProgramNode Generate() => Sequence(depth: 2, count: 1 + _random.Next(3));

    private ProgramNode Node(int depth)
    {
        if (depth == 0 || _random.NextDouble() < 0.4)
        {
            return Leaf();
        }

        if (sequentialOnly)
        {
            return Sequence(depth - 1, 1 + _random.Next(3));
        }

        return _random.Next(10) switch
        {
            < 3 => Sequence(depth - 1, 1 + _random.Next(3)),
            < 6 => new ForkNode([.. Enumerable.Range(0, 2 + _random.Next(2)).Select(_ => Node(depth - 1))]),
            < 8 => new JoinNode(Futures(allowFailures: true)),
            _ => Race(),
        };
    }

    private SequenceNode Sequence(int depth, int count) =>
        new([.. Enumerable.Range(0, count).Select(_ => Node(depth))], _random.Next(3) == 0);

    private ProgramNode Leaf() => _random.Next(20) switch
    {
        < 3 => new GetStateNode(_random.Next(3) switch { 0 => "init0", 1 => "init1", _ => "absent" }),
        < 5 => new SetStateNode(NextLabel()),
        _ => Future(allowFailures: true),
    };

    private RaceNode Race()
    {
        var kind = (RaceKind)_random.Next(3);
        var futures = Futures(allowFailures: false);
        if (kind == RaceKind.DurableFutureRace)
        {
            // DurableFuture.Race needs futures of one value type, and a timer has none.
            futures = [.. futures.Select(f => f is SleepNode ? new RunNode(f.Label, false, false) : f)];
        }

        return new RaceNode(futures, kind);
    }

    private FutureNode[] Futures(bool allowFailures) =>
        [.. Enumerable.Range(0, 2 + _random.Next(2)).Select(_ => Future(allowFailures))];

    private FutureNode Future(bool allowFailures) => _random.Next(10) switch
    {
        < 4 => new RunNode(NextLabel(), allowFailures && _random.Next(6) == 0, _random.Next(3) == 0),
        < 6 => new SleepNode(NextLabel()),
        < 8 => new CallNode(NextLabel()),
        _ => new AwakeableNode(NextLabel()),
    };

    private string NextLabel() => $"op{_labels++}";
}

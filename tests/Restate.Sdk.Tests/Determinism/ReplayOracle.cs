using Restate.Sdk.Protocol;
using Restate.Sdk.Tests.StateMachine;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>
/// Checks that a handler replays deterministically. In each protocol version: a live run with the
/// simulated runtime; a replay of its whole journal (no new command, the same output); for every
/// cut of the journal, a replay of the prefix continued live, once with completions in the recorded
/// order (exactly the recorded commands again) and once in a random order (no mismatch, the output
/// the new journal implies); and a request/response run that suspends and resumes until it ends.
/// </summary>
internal static class ReplayOracle
{
    public static readonly ServiceProtocolVersion[] Versions = [ServiceProtocolVersion.V5, ServiceProtocolVersion.V6];

    /// <returns>What the live and the suspending runs produced, per version, for checks of a test's own.</returns>
    public static async Task<IReadOnlyList<OracleRuns>> CheckAsync(DeterminismCase check, int seed, OracleOptions? options = null)
    {
        var runs = new List<OracleRuns>();
        foreach (var version in Versions)
        {
            runs.Add(await CheckAsync(check, seed, version, options ?? OracleOptions.Thorough));
        }

        return runs;
    }

    public static async Task<OracleRuns> CheckAsync(DeterminismCase check, int seed, ServiceProtocolVersion version, OracleOptions options)
    {
        var live = await Scenario(check, version, seed, "live run", async () =>
        {
            var outcome = await new SimulatedRuntime(check.SetupFor(version), SimulatedRuntime.NewJournal())
                .RunLiveAsync(new RandomDeliveryPolicy(seed));
            ExpectOutput(check, outcome);
            return outcome;
        });

        await CheckReplaysAsync(check, version, seed, live, options);

        var suspending = await Scenario(check, version, seed, "request/response run with suspensions", async () =>
        {
            var outcome = await new SimulatedRuntime(check.SetupFor(version), SimulatedRuntime.NewJournal())
                .RunWithSuspensionsAsync(new Random(seed));
            ExpectOutput(check, outcome);
            return outcome;
        });

        return new OracleRuns(version, live, suspending);
    }

    /// <summary>
    /// Checks the replays of a journal written by hand (one the live runs may not produce, because
    /// they depend on when the SDK flushes), in both versions.
    /// </summary>
    public static async Task CheckRecordedJournalAsync(DeterminismCase check, IReadOnlyList<Frame> journal)
    {
        var recorded = new RuntimeOutcome(journal, FrameKinds.OutputOf(journal) ?? throw new ArgumentException("No output.", nameof(journal)), [], [], []);
        foreach (var version in Versions)
        {
            await CheckReplaysAsync(check, version, seed: 0, recorded, OracleOptions.Thorough);
        }
    }

    /// <summary>The whole journal replayed, and every prefix replayed and continued.</summary>
    private static async Task CheckReplaysAsync(
        DeterminismCase check, ServiceProtocolVersion version, int seed, RuntimeOutcome live, OracleOptions options)
    {
        await Scenario(check, version, seed, "replay of the whole journal", () => ReplayWholeAsync(check, version, live));

        var randomCuts = options.RandomContinuationCuts(live.Journal.Count, new Random(seed));
        for (var cut = 1; cut < live.Journal.Count; cut++)
        {
            var prefix = live.Journal.Take(cut).ToArray();
            var rest = live.Journal.Skip(cut).Where(f => f.Type.IsNotification()).Select(NotificationKey.Of);
            await Scenario(check, version, seed, $"replay of the first {cut} entries, then the recorded order", async () =>
            {
                var outcome = await new SimulatedRuntime(check.SetupFor(version), prefix).RunLiveAsync(new JournalOrderPolicy(rest));
                ExpectSameCommands(live, outcome);
                ExpectOutput(check, outcome);
                return outcome;
            });
            if (!randomCuts.Contains(cut))
            {
                continue;
            }

            var continuationSeed = (seed * 31) + cut;
            await Scenario(check, version, seed, $"replay of the first {cut} entries, then random order {continuationSeed}", async () =>
            {
                var outcome = await new SimulatedRuntime(check.SetupFor(version), prefix).RunLiveAsync(new RandomDeliveryPolicy(continuationSeed));
                ExpectOutput(check, outcome);
                return outcome;
            });
        }
    }

    private static async Task<RuntimeOutcome> ReplayWholeAsync(DeterminismCase check, ServiceProtocolVersion version, RuntimeOutcome live)
    {
        var (frames, returned) = await new SimulatedRuntime(check.SetupFor(version), live.Journal).ReplayWholeJournalAsync();
        var written = frames.Where(f => f.Type != MessageType.ProposeRunCompletion).ToArray();
        if (written is not [{ Type: MessageType.End }])
        {
            throw DeterminismViolation.With(
                $"Replaying the whole journal must write only End, but the SDK wrote:\n{DeterminismViolation.Describe(frames)}",
                live.Journal);
        }

        var output = returned is null ? "null" : System.Text.Encoding.UTF8.GetString(TestJsonSerializer.Instance.Serialize(returned, returned.GetType()));
        if (output != live.Output)
        {
            throw DeterminismViolation.With($"The replayed handler returned {output}, the live run {live.Output}.", live.Journal);
        }

        return live;
    }

    private static void ExpectOutput(DeterminismCase check, RuntimeOutcome outcome)
    {
        var expected = check.ExpectedOutput(outcome.Journal);
        if (outcome.Output != expected)
        {
            throw DeterminismViolation.With($"The output is {outcome.Output}; this journal implies {expected}.", outcome.Journal);
        }
    }

    private static void ExpectSameCommands(RuntimeOutcome recorded, RuntimeOutcome replayed)
    {
        var expected = recorded.Commands.ToArray();
        var actual = replayed.Commands.ToArray();
        var firstDifference = Enumerable.Range(0, Math.Max(expected.Length, actual.Length))
            .FirstOrDefault(i => i >= expected.Length || i >= actual.Length || !expected[i].Equals(actual[i]), -1);
        if (firstDifference >= 0)
        {
            throw DeterminismViolation.With(
                $"With the recorded completion order the commands differ from command {firstDifference} on. Recorded journal:\n"
                + DeterminismViolation.Describe(recorded.Journal) + "\nReplayed and continued",
                replayed.Journal);
        }
    }

    private static async Task<RuntimeOutcome> Scenario(
        DeterminismCase check, ServiceProtocolVersion version, int seed, string scenario, Func<Task<RuntimeOutcome>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception e)
        {
            throw new DeterminismViolation($"{check.Name}, {version}, seed {seed}, {scenario}: {(e is DeterminismViolation ? e.Message : e.ToString())}");
        }
    }
}

/// <summary>How much the oracle checks besides the live run, the whole replay and the suspending run.</summary>
/// <param name="RandomContinuationCuts">
/// Given the journal length, the cuts whose replay is also continued in a random completion order
/// (every cut is always continued in the recorded order).
/// </param>
internal sealed record OracleOptions(Func<int, Random, IReadOnlySet<int>> RandomContinuationCuts)
{
    public static OracleOptions Thorough { get; } = new((length, _) => Enumerable.Range(1, length).ToHashSet());

    /// <summary>Random continuations after a few random cuts only, for many programs.</summary>
    public static OracleOptions Sampled(int cuts) =>
        new((length, random) => Enumerable.Range(0, cuts).Select(_ => random.Next(1, length)).ToHashSet());
}

/// <summary>The live and the request/response run of one protocol version.</summary>
internal sealed record OracleRuns(ServiceProtocolVersion Version, RuntimeOutcome Live, RuntimeOutcome Suspending);

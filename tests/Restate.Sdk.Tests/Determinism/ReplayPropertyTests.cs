using System.Collections.Concurrent;
using System.Globalization;
using Restate.Sdk.Tests.Determinism.Programs;
using Xunit.Abstractions;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>
/// Random programs of runs, sleeps, calls, awakeables and state, combined with sequences, forks,
/// joins and races, each run live under a seeded runtime and checked by the <see cref="ReplayOracle"/>.
/// Set <see cref="SeedVariable"/> to one program seed (printed on failure) to rerun just that program.
/// </summary>
public class ReplayPropertyTests(ITestOutputHelper output)
{
    public const string SeedVariable = "RESTATE_DETERMINISM_SEED";

    private const int MasterSeed = 20261204;
    private const int Programs = 120;
    private const int Concurrency = 8;

    [Fact]
    public Task Every_prefix_of_a_generated_programs_journal_replays_to_the_same_commands_and_output() =>
        CheckProgramsAsync(sequentialOnly: false);

    /// <summary>
    /// The same check for programs that await each operation before starting the next: these never
    /// depended on when a Task starts awaiting, so they also hold the simulated runtime to account.
    /// </summary>
    [Fact]
    public Task Every_prefix_of_a_sequential_programs_journal_replays_to_the_same_commands_and_output() =>
        CheckProgramsAsync(sequentialOnly: true);

    private async Task CheckProgramsAsync(bool sequentialOnly)
    {
        var started = DateTime.UtcNow;
        var seeds = ProgramSeeds();
        var failures = new ConcurrentBag<(int Index, string Message)>();
        using var stop = new CancellationTokenSource();
        try
        {
            // The runtime mostly waits for the SDK to go quiet, so programs are checked side by side.
            await Parallel.ForEachAsync(
                seeds.Select((seed, index) => (seed, index)),
                new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = stop.Token },
                async (item, _) =>
                {
                    if (await CheckProgramAsync(item.seed, sequentialOnly) is { } failure)
                    {
                        failures.Add((item.index, failure));
                        await stop.CancelAsync();
                    }
                });
        }
        catch (OperationCanceledException) when (!failures.IsEmpty)
        {
        }

        if (!failures.IsEmpty)
        {
            Assert.Fail(failures.MinBy(f => f.Index).Message);
        }

        output.WriteLine($"Checked {seeds.Count} program(s) in {DateTime.UtcNow - started}.");
    }

    /// <returns>null when the program replays deterministically, else what went wrong.</returns>
    private static async Task<string?> CheckProgramAsync(int seed, bool sequentialOnly)
    {
        var program = new ProgramGenerator(seed, sequentialOnly).Generate();
        var check = new DeterminismCase(
            $"program {seed}",
            () => new ProgramInterpreter(program).HandleAsync,
            journal => ExpectedOutput.Of(program, journal))
        {
            InitialState = ProgramGenerator.InitialState,
            PartialState = seed % 2 == 0,
        };
        try
        {
            await ReplayOracle.CheckAsync(check, seed, OracleOptions.Sampled(cuts: 1));
            return null;
        }
        catch (DeterminismViolation e)
        {
            return $"Program seed {seed} failed; rerun only it with {SeedVariable}={seed} dotnet test tests/Restate.Sdk.Tests "
                + $"--filter FullyQualifiedName~{nameof(ReplayPropertyTests)}\n"
                + $"Program: {ProgramText.Describe(program)}\n{e.Message}";
        }
    }

    private static IReadOnlyList<int> ProgramSeeds()
    {
        if (Environment.GetEnvironmentVariable(SeedVariable) is { Length: > 0 } one)
        {
            return [int.Parse(one, CultureInfo.InvariantCulture)];
        }

        var master = new Random(MasterSeed);
        return [.. Enumerable.Range(0, Programs).Select(_ => master.Next())];
    }
}

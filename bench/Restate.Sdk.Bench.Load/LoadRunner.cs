namespace Restate.Sdk.Bench.Load;

/// <summary>Runs a scenario: on one side in one go, or on several sides taking turns in stretches of calls.</summary>
internal static class LoadRunner
{
    public static async Task<ResultRow> RunAsync(BenchSide side, int round, Scenario scenario, CancellationToken cancellationToken)
    {
        var run = new ScenarioRun(side, scenario);
        await run.RunCallsAsync(0, scenario.Calls, cancellationToken).ConfigureAwait(false);
        return run.Finish(round);
    }

    /// <summary>
    /// Splits each side's calls into <paramref name="stretches"/> stretches and lets the sides take
    /// turns, one at a time with the machine to itself (A B, B A, A B, …): a change in the machine's
    /// background load then falls on both sides alike instead of on whichever ran at that moment.
    /// </summary>
    public static async Task<IReadOnlyList<ResultRow>> RunInTurnsAsync(
        IReadOnlyList<BenchSide> sides, int round, Scenario scenario, int stretches, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(stretches, 1);
        var runs = sides.Select(s => new ScenarioRun(s, scenario)).ToArray();
        var perStretch = (scenario.Calls + stretches - 1) / stretches;
        for (var stretch = 0; stretch * perStretch < scenario.Calls; stretch++)
        {
            var first = stretch * perStretch;
            var count = Math.Min(perStretch, scenario.Calls - first);
            for (var turn = 0; turn < runs.Length; turn++)
            {
                var s = stretch % 2 == 0 ? turn : runs.Length - 1 - turn;
                await runs[s].RunCallsAsync(first, count, cancellationToken).ConfigureAwait(false);
            }
        }

        return runs.Select(r => r.Finish(round)).ToList();
    }
}

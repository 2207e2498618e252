namespace Restate.Sdk.Bench.Load;

/// <summary>
/// Checks the answers of one scenario: the keys start empty, so the lengths returned for a key
/// must be exactly 1..n (none lost, none applied twice), and in call order when callers are sequential.
/// </summary>
internal static class AppendConsistency
{
    public static void Verify(Scenario scenario, IReadOnlyList<long> lengths)
    {
        var byKey = Enumerable.Range(0, scenario.Calls).GroupBy(scenario.KeyFor);
        foreach (var calls in byKey)
        {
            var answered = calls.Select(i => lengths[i]).ToArray();
            var expected = Enumerable.Range(1, answered.Length).Select(n => (long)n);
            var actual = scenario.Concurrency == 1 ? answered : answered.Order().ToArray();
            if (!actual.SequenceEqual(expected))
            {
                throw new BenchCallException(
                    $"scenario {scenario.Name}, key {calls.Key}: lengths {string.Join(',', answered.Take(20))}… are not 1..{answered.Length}"
                    + (scenario.Concurrency == 1 ? " in call order" : string.Empty));
            }
        }
    }
}

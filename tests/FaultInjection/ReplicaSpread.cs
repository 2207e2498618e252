namespace SkAgentSession.FaultInjection;

/// <summary>
/// How a load balancer spread the agent turns over the replicas: the model requests each replica's processes made
/// while every replica was up (before the first one was killed for good), and whether each made at least half of an
/// even share of them.
/// </summary>
internal sealed record ReplicaSpread(IReadOnlyDictionary<string, int> RequestsWhileAllUp, int Total)
{
    /// <summary>The fewest model requests a replica may have made while all were up: half of an even share.</summary>
    public double Floor => RequestsWhileAllUp.Count == 0 ? 0 : Total / (2.0 * RequestsWhileAllUp.Count);

    public IReadOnlyList<string> BelowFloor => [.. RequestsWhileAllUp.Where(r => r.Value < Floor).Select(r => r.Key)];

    public bool IsFair => Total > 0 && BelowFloor.Count == 0;

    /// <param name="processIdsByReplica">Each replica's process ids (one per start).</param>
    /// <param name="allUpUntil">When the first replica was killed and not restarted; null when none was.</param>
    public static ReplicaSpread Of(IEnumerable<ModelCall> calls, IReadOnlyDictionary<string, IReadOnlyList<int>> processIdsByReplica, DateTimeOffset? allUpUntil)
    {
        var counted = calls.Where(c => allUpUntil is not { } until || c.Timestamp < until).ToList();
        var byReplica = processIdsByReplica.ToDictionary(r => r.Key, r => counted.Count(c => r.Value.Contains(c.ProcessId)));
        return new ReplicaSpread(byReplica, byReplica.Values.Sum());
    }
}

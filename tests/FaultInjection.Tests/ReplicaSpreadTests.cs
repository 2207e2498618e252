namespace SkAgentSession.FaultInjection.Tests;

public sealed class ReplicaSpreadTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly Dictionary<string, IReadOnlyList<int>> ThreeReplicas = new()
    {
        ["service-1"] = [101],
        ["service-2"] = [201, 202],
        ["service-3"] = [301],
    };

    [Fact]
    public void Requests_are_counted_per_replica_over_all_its_processes()
    {
        var spread = ReplicaSpread.Of([Call(101), Call(201), Call(202), Call(301), Call(301), Call(999)], ThreeReplicas, allUpUntil: null);

        Assert.Equal(new Dictionary<string, int> { ["service-1"] = 1, ["service-2"] = 2, ["service-3"] = 2 }, spread.RequestsWhileAllUp);
        Assert.Equal(5, spread.Total);
        Assert.True(spread.IsFair);
    }

    [Fact]
    public void A_replica_below_half_an_even_share_makes_the_spread_unfair()
    {
        // 12 requests over 3 replicas: an even share is 4, half of it 2.
        var calls = Enumerable.Repeat(Call(101), 6).Concat(Enumerable.Repeat(Call(201), 5)).Append(Call(301));

        var spread = ReplicaSpread.Of(calls, ThreeReplicas, allUpUntil: null);

        Assert.Equal(2, spread.Floor);
        Assert.False(spread.IsFair);
        Assert.Equal(["service-3"], spread.BelowFloor);
    }

    [Fact]
    public void Only_requests_made_while_every_replica_was_up_count()
    {
        var killedAt = Start.AddSeconds(10);
        var calls = new[] { Call(101, 1), Call(201, 2), Call(301, 3), Call(101, 11), Call(101, 12), Call(201, 13) };

        var spread = ReplicaSpread.Of(calls, ThreeReplicas, killedAt);

        Assert.Equal(3, spread.Total);
        Assert.True(spread.IsFair);
    }

    [Fact]
    public void No_requests_at_all_is_not_a_fair_spread()
    {
        Assert.False(ReplicaSpread.Of([], ThreeReplicas, allUpUntil: null).IsFair);
    }

    private static ModelCall Call(int processId, int atSecond = 0) => new(Start.AddSeconds(atSecond), processId, "message");
}

using Restate.Sdk.Tests.StateMachine;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>
/// Delivers owed notifications in an order and at moments drawn from a seeded Random: the same
/// seed makes the same choices for the same frames from the SDK.
/// </summary>
internal sealed class RandomDeliveryPolicy : IDeliveryPolicy
{
    private readonly Random _random;
    private readonly double _eagerness;

    public RandomDeliveryPolicy(int seed)
    {
        _random = new Random(seed);

        // Some seeds answer almost everything at once, others make the SDK wait for each result;
        // every third seed always waits until the SDK is quiet, so its commands come first.
        _eagerness = seed % 3 == 0 ? 0 : _random.NextDouble() * 0.7;
    }

    public IReadOnlyList<Frame> AfterFrame(IReadOnlyList<Frame> owed)
    {
        var now = owed.Where(_ => _random.NextDouble() < _eagerness).ToArray();
        _random.Shuffle(now);
        return now;
    }

    public IReadOnlyList<Frame> WhenQuiet(IReadOnlyList<Frame> owed) =>
        owed.Count == 0 ? [] : [owed[_random.Next(owed.Count)]];
}

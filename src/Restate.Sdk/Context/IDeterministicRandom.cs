namespace Restate.Sdk;

/// <summary>Randomness that is the same on every replay of an invocation.</summary>
public interface IDeterministicRandom
{
    int NextInt(int minValue, int maxValue);

    long NextInt64();

    double NextDouble();

    void NextBytes(Span<byte> buffer);

    Guid NextGuid();
}

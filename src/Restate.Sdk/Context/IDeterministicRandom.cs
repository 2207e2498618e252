namespace Restate.Sdk;

/// <summary>Randomness that is the same on every replay of an invocation.</summary>
public interface IDeterministicRandom
{
    /// <summary>A number from <paramref name="minValue"/> (included) to <paramref name="maxValue"/> (excluded).</summary>
    int NextInt(int minValue, int maxValue);

    /// <summary>A non-negative 64-bit number.</summary>
    long NextInt64();

    /// <summary>A number from 0.0 (included) to 1.0 (excluded).</summary>
    double NextDouble();

    /// <summary>Fills <paramref name="buffer"/> with random bytes.</summary>
    void NextBytes(Span<byte> buffer);

    /// <summary>A random (version 4) GUID.</summary>
    Guid NextGuid();
}

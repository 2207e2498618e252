using System.Numerics;

namespace Restate.Sdk;

/// <summary>
/// xoshiro256++ seeded through splitmix64 from the invocation's random seed: the same sequence on
/// every replay of the invocation, and a different one for every invocation.
/// </summary>
internal sealed class DeterministicRandom : IDeterministicRandom
{
    private ulong _s0;
    private ulong _s1;
    private ulong _s2;
    private ulong _s3;

    private readonly Action? _ensureAllowed;

    /// <param name="seed">The invocation's random seed.</param>
    /// <param name="ensureAllowed">Called before every draw; throws where drawing would break replay (inside a run).</param>
    public DeterministicRandom(ulong seed, Action? ensureAllowed = null)
    {
        _ensureAllowed = ensureAllowed;
        var state = seed;
        _s0 = SplitMix64(ref state);
        _s1 = SplitMix64(ref state);
        _s2 = SplitMix64(ref state);
        _s3 = SplitMix64(ref state);
    }

    public ulong NextUInt64()
    {
        _ensureAllowed?.Invoke();
        var result = BitOperations.RotateLeft(_s0 + _s3, 23) + _s0;
        var t = _s1 << 17;
        _s2 ^= _s0;
        _s3 ^= _s1;
        _s1 ^= _s2;
        _s0 ^= _s3;
        _s2 ^= t;
        _s3 = BitOperations.RotateLeft(_s3, 45);
        return result;
    }

    public long NextInt64() => (long)(NextUInt64() >> 1);

    public int NextInt(int minValue, int maxValue)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(minValue, maxValue);
        var range = (ulong)((long)maxValue - minValue);
        if (range == 0)
        {
            return minValue;
        }

        // Rejection sampling keeps the distribution uniform.
        var limit = ulong.MaxValue - (ulong.MaxValue % range);
        ulong value;
        do
        {
            value = NextUInt64();
        }
        while (value >= limit);

        return (int)(minValue + (long)(value % range));
    }

    public double NextDouble() => (NextUInt64() >> 11) * (1.0 / (1UL << 53));

    public void NextBytes(Span<byte> buffer)
    {
        while (buffer.Length >= 8)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(buffer, NextUInt64());
            buffer = buffer[8..];
        }

        if (!buffer.IsEmpty)
        {
            Span<byte> last = stackalloc byte[8];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(last, NextUInt64());
            last[..buffer.Length].CopyTo(buffer);
        }
    }

    /// <summary>A version 4 (random) GUID from the deterministic stream.</summary>
    public Guid NextGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        NextBytes(bytes);
        bytes[7] = (byte)((bytes[7] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes);
    }

    private static ulong SplitMix64(ref ulong state)
    {
        state += 0x9E3779B97F4A7C15UL;
        var z = state;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}

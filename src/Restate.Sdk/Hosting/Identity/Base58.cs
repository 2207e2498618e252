using System.Numerics;

namespace Restate.Sdk.Hosting.Identity;

/// <summary>
/// Base58 with the Bitcoin alphabet (no 0, O, I, l), which Restate uses to write request identity
/// public keys. Each leading zero byte is written as a leading '1'.
/// </summary>
internal static class Base58
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private static readonly sbyte[] Digits = BuildDigits();

    /// <summary>Decodes <paramref name="text"/>; false when it holds a character outside the alphabet.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, out byte[] bytes)
    {
        bytes = [];
        var leadingZeros = 0;
        while (leadingZeros < text.Length && text[leadingZeros] == Alphabet[0])
        {
            leadingZeros++;
        }

        var value = BigInteger.Zero;
        foreach (var c in text)
        {
            var digit = c < Digits.Length ? Digits[c] : -1;
            if (digit < 0)
            {
                return false;
            }

            value = (value * 58) + digit;
        }

        var magnitude = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        bytes = new byte[leadingZeros + magnitude.Length];
        magnitude.CopyTo(bytes, leadingZeros);
        return true;
    }

    public static string Encode(ReadOnlySpan<byte> bytes)
    {
        var leadingZeros = 0;
        while (leadingZeros < bytes.Length && bytes[leadingZeros] == 0)
        {
            leadingZeros++;
        }

        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var digits = new List<char>();
        while (!value.IsZero)
        {
            value = BigInteger.DivRem(value, 58, out var remainder);
            digits.Add(Alphabet[(int)remainder]);
        }

        digits.AddRange(Enumerable.Repeat(Alphabet[0], leadingZeros));
        digits.Reverse();
        return new string([.. digits]);
    }

    private static sbyte[] BuildDigits()
    {
        var digits = new sbyte[128];
        Array.Fill(digits, (sbyte)-1);
        for (var i = 0; i < Alphabet.Length; i++)
        {
            digits[Alphabet[i]] = (sbyte)i;
        }

        return digits;
    }
}

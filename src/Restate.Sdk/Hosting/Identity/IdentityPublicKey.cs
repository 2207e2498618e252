using Org.BouncyCastle.Crypto.Parameters;

namespace Restate.Sdk.Hosting.Identity;

/// <summary>
/// One public key of a Restate server allowed to call this endpoint, written
/// <c>publickeyv1_&lt;base58 of the 32-byte Ed25519 public key&gt;</c>; the same text is the key id
/// (<c>kid</c>) of the tokens that server signs.
/// </summary>
internal sealed class IdentityPublicKey
{
    public const string Prefix = "publickeyv1_";

    private const int Ed25519KeyLength = 32;

    private IdentityPublicKey(string keyId, Ed25519PublicKeyParameters key)
    {
        KeyId = keyId;
        Key = key;
    }

    public string KeyId { get; }

    public Ed25519PublicKeyParameters Key { get; }

    /// <exception cref="FormatException">The text is not a <c>publickeyv1_</c> Ed25519 key.</exception>
    public static IdentityPublicKey Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var trimmed = text.Trim();
        if (!trimmed.StartsWith(Prefix, StringComparison.Ordinal))
        {
            throw new FormatException($"A request identity key must start with '{Prefix}' (got '{Shorten(trimmed)}').");
        }

        if (!Base58.TryDecode(trimmed.AsSpan(Prefix.Length), out var bytes))
        {
            throw new FormatException($"The request identity key '{Shorten(trimmed)}' is not valid base58 after '{Prefix}'.");
        }

        if (bytes.Length != Ed25519KeyLength)
        {
            throw new FormatException(
                $"The request identity key '{Shorten(trimmed)}' decodes to {bytes.Length} bytes; an Ed25519 public key has {Ed25519KeyLength}.");
        }

        try
        {
            return new IdentityPublicKey(trimmed, new Ed25519PublicKeyParameters(bytes));
        }
        catch (ArgumentException e)
        {
            throw new FormatException($"The request identity key '{Shorten(trimmed)}' is not a valid Ed25519 public key.", e);
        }
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "…";
}

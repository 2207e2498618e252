using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Restate.Sdk.Hosting.Identity;

namespace Restate.Sdk.Tests.Identity;

/// <summary>An Ed25519 key pair from a fixed seed that mints request identity tokens the way restate-server does.</summary>
internal sealed class TestIdentity
{
    public static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    private readonly Ed25519PrivateKeyParameters _privateKey;

    public TestIdentity(byte seed)
    {
        var bytes = new byte[32];
        Array.Fill(bytes, seed);
        _privateKey = new Ed25519PrivateKeyParameters(bytes);
        KeyId = IdentityPublicKey.Prefix + Base58.Encode(_privateKey.GeneratePublicKey().GetEncoded());
    }

    /// <summary><c>publickeyv1_…</c>: what goes into <see cref="RestateOptions.IdentityKeys"/>, and the token's <c>kid</c>.</summary>
    public string KeyId { get; }

    /// <summary>A token as restate-server writes it: valid from 60 s before <paramref name="issuedAt"/> to 60 s after.</summary>
    public string Token(string audience, DateTimeOffset? issuedAt = null, string? keyId = null)
    {
        var iat = (issuedAt ?? Now).ToUnixTimeSeconds();
        return Sign(
            new JsonObject { ["typ"] = "JWT", ["alg"] = "EdDSA", ["kid"] = keyId ?? KeyId },
            new JsonObject { ["aud"] = audience, ["exp"] = iat + 60, ["iat"] = iat, ["nbf"] = iat - 60 });
    }

    /// <summary>Signs any header and claims, for tokens restate-server would never write.</summary>
    public string Sign(JsonObject header, JsonObject claims) =>
        SignRaw(Encoding.UTF8.GetBytes(header.ToJsonString()), Encoding.UTF8.GetBytes(claims.ToJsonString()));

    public string SignRaw(byte[] header, byte[] claims)
    {
        var signingInput = $"{Base64Url.EncodeToString(header)}.{Base64Url.EncodeToString(claims)}";
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, _privateKey);
        var bytes = Encoding.ASCII.GetBytes(signingInput);
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return $"{signingInput}.{Base64Url.EncodeToString(signer.GenerateSignature())}";
    }
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;
using Restate.Sdk.Hosting.Identity;

namespace Restate.Sdk.IntegrationTests.Identity;

/// <summary>A fresh Ed25519 key pair: its PKCS#8 PEM for restate-server, its <c>publickeyv1_</c> id for the SDK, and tokens signed with it.</summary>
internal sealed class IdentityKeyPair
{
    private readonly Ed25519PrivateKeyParameters _privateKey;

    public IdentityKeyPair()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        _privateKey = (Ed25519PrivateKeyParameters)pair.Private;
        KeyId = "publickeyv1_" + Base58.Encode(((Ed25519PublicKeyParameters)pair.Public).GetEncoded());
    }

    public string KeyId { get; }

    /// <summary>The private key as a PKCS#8 PEM file, which is what <c>request-identity-private-key-pem-file</c> takes.</summary>
    public string WritePrivateKeyPem(string directory)
    {
        var pkcs8 = PrivateKeyInfoFactory.CreatePrivateKeyInfo(_privateKey).GetEncoded();
        var path = Path.Combine(directory, "request-identity.pem");
        File.WriteAllText(path, new string(PemEncoding.Write("PRIVATE KEY", pkcs8)) + "\n");
        return path;
    }

    /// <summary>A token as restate-server signs it: for <paramref name="audience"/>, valid for a minute either side of now.</summary>
    public string Token(string audience)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new JsonObject { ["typ"] = "JWT", ["alg"] = "EdDSA", ["kid"] = KeyId };
        var claims = new JsonObject { ["aud"] = audience, ["exp"] = now + 60, ["iat"] = now, ["nbf"] = now - 60 };
        var signingInput = $"{Encode(header)}.{Encode(claims)}";
        var signer = new Ed25519Signer();
        signer.Init(forSigning: true, _privateKey);
        var bytes = Encoding.ASCII.GetBytes(signingInput);
        signer.BlockUpdate(bytes, 0, bytes.Length);
        return $"{signingInput}.{Base64Url.EncodeToString(signer.GenerateSignature())}";
    }

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString()));
}

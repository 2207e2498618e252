using System.Numerics;
using System.Security.Cryptography;
using Org.BouncyCastle.Crypto.Generators;
using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Pkcs;
using Org.BouncyCastle.Security;

namespace SkAgentSession.IntegrationTests.Fixtures;

/// <summary>A fresh Ed25519 key for restate-server to sign its requests with, and its <c>publickeyv1_</c> id for the app.</summary>
internal sealed class RequestIdentityKey
{
    /// <summary>restate-server's <c>[worker.invoker] request-identity-private-key-pem-file</c>.</summary>
    public const string PrivateKeyFileVariable = "RESTATE_WORKER__INVOKER__REQUEST_IDENTITY_PRIVATE_KEY_PEM_FILE";

    private const string Base58Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    private readonly Ed25519PrivateKeyParameters _privateKey;

    public RequestIdentityKey()
    {
        var generator = new Ed25519KeyPairGenerator();
        generator.Init(new Ed25519KeyGenerationParameters(new SecureRandom()));
        var pair = generator.GenerateKeyPair();
        _privateKey = (Ed25519PrivateKeyParameters)pair.Private;
        PublicKeyId = "publickeyv1_" + Base58(((Ed25519PublicKeyParameters)pair.Public).GetEncoded());
    }

    public string PublicKeyId { get; }

    /// <summary>Writes the private key as PKCS#8 PEM, the form restate-server reads.</summary>
    public string WritePrivateKeyPem(string directory)
    {
        var path = Path.Combine(directory, "request-identity.pem");
        var pkcs8 = PrivateKeyInfoFactory.CreatePrivateKeyInfo(_privateKey).GetEncoded();
        File.WriteAllText(path, new string(PemEncoding.Write("PRIVATE KEY", pkcs8)) + "\n");
        return path;
    }

    private static string Base58(byte[] bytes)
    {
        var value = new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
        var digits = new List<char>();
        while (value > 0)
        {
            digits.Add(Base58Alphabet[(int)(value % 58)]);
            value /= 58;
        }

        var leadingZeros = bytes.TakeWhile(b => b == 0).Count();
        return new string('1', leadingZeros) + new string([.. Enumerable.Reverse(digits)]);
    }
}

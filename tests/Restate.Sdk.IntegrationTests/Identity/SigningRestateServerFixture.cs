using Restate.Sdk.IntegrationTests.Fixtures;
using Restate.Sdk.Local;

namespace Restate.Sdk.IntegrationTests.Identity;

/// <summary>A restate-server that signs every request to deployments with a fresh Ed25519 key (request identity v1).</summary>
public sealed class SigningRestateServerFixture : RestateServerFixture, IDisposable
{
    /// <summary>The setting of <c>[worker.invoker] request-identity-private-key-pem-file</c>, checked against <c>--dump-config</c> of 1.7.12.</summary>
    public const string PrivateKeyVariable = "RESTATE_WORKER__INVOKER__REQUEST_IDENTITY_PRIVATE_KEY_PEM_FILE";

    private readonly string _keyDirectory = Directory.CreateTempSubdirectory("restate-identity-").FullName;

    internal IdentityKeyPair Key { get; } = new();

    public void Dispose() => Directory.Delete(_keyDirectory, recursive: true);

    protected override LocalRestateServerOptions CreateOptions() => base.CreateOptions() with
    {
        EnvironmentVariables = new Dictionary<string, string> { [PrivateKeyVariable] = Key.WritePrivateKeyPem(_keyDirectory) },
    };
}

using System.Text.Json;
using Restate.Sdk.Serialization;

namespace Restate.Sdk;

/// <summary>Options of the Restate endpoint, set through <c>services.AddRestate(o =&gt; ...)</c>.</summary>
public sealed class RestateOptions
{
    /// <summary>
    /// How Restate talks to this endpoint. <see cref="ProtocolMode.BidiStream"/> needs an HTTP/2
    /// cleartext listener; <see cref="ProtocolMode.RequestResponse"/> works over HTTP/1.1 too.
    /// Match it with <c>ListenRestate(..., mode)</c>.
    /// </summary>
    public ProtocolMode ProtocolMode { get; set; } = ProtocolMode.BidiStream;

    /// <summary>
    /// The JSON options of the default serializer (web defaults: camelCase). Ignored when
    /// <see cref="Serializer"/> is set.
    /// </summary>
    public JsonSerializerOptions JsonSerializerOptions { get; set; } = new(JsonSerializerDefaults.Web);

    /// <summary>A serializer to use instead of System.Text.Json with <see cref="JsonSerializerOptions"/>.</summary>
    public IRestateSerializer? Serializer { get; set; }

    /// <summary>
    /// Public keys (<c>publickeyv1_…</c>) of the Restate servers allowed to call this endpoint. When
    /// any is set, every <c>/discover</c> and <c>/invoke</c> request must carry a request identity
    /// (<c>x-restate-signature-scheme: v1</c> and an Ed25519-signed <c>x-restate-jwt-v1</c>) from one
    /// of them, or it gets 401 and runs nothing. Restate signs its requests when it has
    /// <c>request-identity-private-key-pem-file</c> under <c>[worker.invoker]</c>, and logs the key
    /// id to put here at startup. Empty (the default): every request is accepted.
    /// </summary>
    public IList<string> IdentityKeys { get; } = [];
}

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
    /// Public keys (<c>publickeyv1_…</c>) of the Restate servers allowed to call this endpoint, for
    /// request identity verification. Not verified by this version of the SDK: the endpoint logs a
    /// warning at startup when keys are set, and accepts every request.
    /// </summary>
    public IList<string> IdentityKeys { get; } = [];
}

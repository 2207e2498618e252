using System.Net;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Restate.Sdk;

namespace Microsoft.AspNetCore.Hosting;

/// <summary>Kestrel listeners that Restate can talk to.</summary>
public static class RestateKestrelServerOptionsExtensions
{
    /// <summary>
    /// Listens for Restate on <paramref name="address"/>:<paramref name="port"/>: HTTP/2 only for
    /// <see cref="ProtocolMode.BidiStream"/> (Restate speaks cleartext HTTP/2 with prior knowledge,
    /// which a listener that also allows HTTP/1.1 refuses), HTTP/1.1 for
    /// <see cref="ProtocolMode.RequestResponse"/> (register the deployment with <c>use_http_11: true</c>).
    /// Use the same mode as <see cref="RestateOptions.ProtocolMode"/>.
    /// </summary>
    public static void ListenRestate(this KestrelServerOptions options, IPAddress address, int port, ProtocolMode mode = ProtocolMode.BidiStream)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(address);
        options.Listen(address, port, listen =>
            listen.Protocols = mode == ProtocolMode.RequestResponse ? HttpProtocols.Http1 : HttpProtocols.Http2);
    }
}

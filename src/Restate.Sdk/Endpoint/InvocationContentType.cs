using Restate.Sdk.Protocol;

namespace Restate.Sdk.Endpoint;

/// <summary>The service protocol version an <c>/invoke</c> request asks for in its content type.</summary>
internal static class InvocationContentType
{
    public const string V5 = "application/vnd.restate.invocation.v5";

    public const string V6 = "application/vnd.restate.invocation.v6";

    /// <summary>The version, or <c>null</c> unless the content type is exactly one this SDK speaks.</summary>
    public static ServiceProtocolVersion? VersionOf(string? contentType) => contentType switch
    {
        V6 => ServiceProtocolVersion.V6,
        V5 => ServiceProtocolVersion.V5,
        _ => null,
    };
}

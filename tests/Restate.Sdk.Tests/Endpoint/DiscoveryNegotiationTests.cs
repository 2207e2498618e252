using Restate.Sdk.Endpoint;
using Restate.Sdk.Protocol;

namespace Restate.Sdk.Tests.Endpoint;

public sealed class DiscoveryNegotiationTests
{
    /// <summary>The Accept header restate-server 1.7 sends on discovery.</summary>
    public const string Restate17Accept =
        "application/vnd.restate.endpointmanifest.v1+json, application/vnd.restate.endpointmanifest.v2+json, application/vnd.restate.endpointmanifest.v3+json, application/vnd.restate.endpointmanifest.v4+json";

    [Fact]
    public void Restate_1_7_gets_version_4() => Assert.Equal(4, DiscoveryNegotiation.SelectVersion(Restate17Accept));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  ")]
    public void No_accept_header_gets_version_1(string? accept) => Assert.Equal(1, DiscoveryNegotiation.SelectVersion(accept));

    [Theory]
    [InlineData("application/vnd.restate.endpointmanifest.v2+json", 2)]
    [InlineData("application/vnd.restate.endpointmanifest.v3+json,application/vnd.restate.endpointmanifest.v1+json", 3)]
    [InlineData("application/vnd.restate.endpointmanifest.v5+json, application/vnd.restate.endpointmanifest.v3+json", 3)]
    [InlineData("application/vnd.restate.endpointmanifest.v4+json; q=0.5", 4)]
    [InlineData("*/*", 4)]
    [InlineData("application/*", 4)]
    public void The_highest_supported_offered_version_wins(string accept, int expected) =>
        Assert.Equal(expected, DiscoveryNegotiation.SelectVersion(accept));

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/vnd.restate.endpointmanifest.v5+json")]
    [InlineData("application/vnd.restate.endpointmanifest.v0+json")]
    [InlineData("application/vnd.restate.endpointmanifest.vx+json")]
    [InlineData("text/html, application/xml")]
    public void Nothing_acceptable_gives_no_version(string accept) => Assert.Null(DiscoveryNegotiation.SelectVersion(accept));

    [Theory]
    [InlineData("application/vnd.restate.invocation.v5", 5)]
    [InlineData("application/vnd.restate.invocation.v6", 6)]
    public void Invocation_content_types_map_to_protocol_versions(string contentType, int expected) =>
        Assert.Equal((ServiceProtocolVersion)expected, InvocationContentType.VersionOf(contentType));

    [Theory]
    [InlineData(null)]
    [InlineData("application/vnd.restate.invocation.v4")]
    [InlineData("application/vnd.restate.invocation.v7")]
    [InlineData("application/vnd.restate.invocation.v6; charset=utf-8")]
    [InlineData("application/json")]
    public void Other_invocation_content_types_are_unsupported(string? contentType) =>
        Assert.Null(InvocationContentType.VersionOf(contentType));
}

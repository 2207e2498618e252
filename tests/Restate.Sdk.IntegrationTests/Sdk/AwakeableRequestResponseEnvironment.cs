namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>The services of <see cref="AwakeableEnvironment"/> in request/response mode: a handler suspends while it waits on its awakeable.</summary>
public sealed class AwakeableRequestResponseEnvironment : AwakeableEnvironment
{
    protected override ProtocolMode ProtocolMode => ProtocolMode.RequestResponse;
}

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>The services of <see cref="CombinatorEnvironment"/> in request/response mode: every await that is not ready suspends, so combinators resume and suspend again.</summary>
public sealed class CombinatorRequestResponseEnvironment : CombinatorEnvironment
{
    protected override ProtocolMode ProtocolMode => ProtocolMode.RequestResponse;
}

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>The services of <see cref="WorkflowEnvironment"/> in request/response mode: the run suspends while it waits on its promise.</summary>
public sealed class WorkflowRequestResponseEnvironment : WorkflowEnvironment
{
    protected override ProtocolMode ProtocolMode => ProtocolMode.RequestResponse;
}

using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>The <see cref="Signup"/> workflow.</summary>
public class WorkflowEnvironment : SdkTestEnvironment
{
    protected override void AddServices(RestateBuilder restate) => restate.AddWorkflow<Signup>();
}

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>The <see cref="WorkflowTests"/> in request/response mode.</summary>
public sealed class WorkflowRequestResponseTests(WorkflowRequestResponseEnvironment env) : WorkflowTests(env), IClassFixture<WorkflowRequestResponseEnvironment>;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>The <see cref="WorkflowTests"/> over a bidi stream.</summary>
public sealed class WorkflowBidiTests(WorkflowEnvironment env) : WorkflowTests(env), IClassFixture<WorkflowEnvironment>;

using Restate.Sdk.Endpoint;

namespace Restate.Sdk;

/// <summary>A Restate workflow: one run handler per key takes <see cref="IWorkflowContext"/>, the other handlers take <see cref="ISharedWorkflowContext"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class WorkflowAttribute : RestateServiceAttribute
{
    internal override ServiceKind Kind => ServiceKind.Workflow;
}

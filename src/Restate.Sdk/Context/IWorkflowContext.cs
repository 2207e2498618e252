namespace Restate.Sdk;

/// <summary>The context of a workflow's run handler: it runs once per key and owns the state.</summary>
public interface IWorkflowContext : ISharedWorkflowContext, IObjectContext
{
}

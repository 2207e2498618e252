namespace Restate.Sdk;

/// <summary>The context of a workflow's shared handlers: state reads and durable promises.</summary>
public interface ISharedWorkflowContext : ISharedObjectContext
{
    /// <summary>A durable promise of this workflow, shared by its run handler and its other handlers.</summary>
    IDurablePromise<T> Promise<T>(string name);
}

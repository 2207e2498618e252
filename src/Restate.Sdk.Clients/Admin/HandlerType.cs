namespace Restate.Sdk.Clients;

/// <summary>The kind of a handler of a virtual object or workflow (plain services have none).</summary>
public enum HandlerType
{
    /// <summary>One invocation per key at a time; may write state.</summary>
    Exclusive,
    /// <summary>Runs concurrently with others of the same key; reads state only.</summary>
    Shared,
    /// <summary>The run handler of a workflow (once per key).</summary>
    Workflow,
}

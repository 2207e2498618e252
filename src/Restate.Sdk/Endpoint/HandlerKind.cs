namespace Restate.Sdk.Endpoint;

/// <summary>
/// The kind of a handler. Services have only <see cref="Shared"/>-like handlers (the manifest leaves
/// their type unset); objects have exclusive and shared ones; a workflow has one
/// <see cref="Workflow"/> handler and shared ones.
/// </summary>
public enum HandlerKind
{
    /// <summary>One invocation per key at a time; may write state.</summary>
    Exclusive,
    /// <summary>Runs concurrently with others of the same key; reads state only.</summary>
    Shared,
    /// <summary>The run handler of a workflow (once per key).</summary>
    Workflow,
}

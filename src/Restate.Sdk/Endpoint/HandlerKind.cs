namespace Restate.Sdk.Endpoint;

/// <summary>
/// The kind of a handler. Services have only <see cref="Shared"/>-like handlers (the manifest leaves
/// their type unset); objects have exclusive and shared ones; a workflow has one
/// <see cref="Workflow"/> handler and shared ones.
/// </summary>
public enum HandlerKind
{
    Exclusive,
    Shared,
    Workflow,
}

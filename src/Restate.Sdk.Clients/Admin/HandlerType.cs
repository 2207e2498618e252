namespace Restate.Sdk.Clients;

/// <summary>The kind of a handler of a virtual object or workflow (plain services have none).</summary>
public enum HandlerType
{
    Exclusive,
    Shared,
    Workflow,
}

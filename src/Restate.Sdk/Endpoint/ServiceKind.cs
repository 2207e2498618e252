namespace Restate.Sdk.Endpoint;

/// <summary>The kind of a Restate service, as the manifest names it.</summary>
public enum ServiceKind
{
    Service,
    VirtualObject,
    Workflow,
}

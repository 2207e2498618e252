namespace Restate.Sdk.Endpoint;

/// <summary>The kind of a Restate service, as the manifest names it.</summary>
public enum ServiceKind
{
    /// <summary>A stateless service.</summary>
    Service,
    /// <summary>A keyed service with state.</summary>
    VirtualObject,
    /// <summary>A workflow: a run handler once per key, plus shared handlers.</summary>
    Workflow,
}

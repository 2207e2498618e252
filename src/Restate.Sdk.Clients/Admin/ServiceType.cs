namespace Restate.Sdk.Clients;

/// <summary>The kind of a registered service, as the admin API names it.</summary>
public enum ServiceType
{
    /// <summary>A stateless service.</summary>
    Service,
    /// <summary>A keyed service with state.</summary>
    VirtualObject,
    /// <summary>A workflow: a run handler once per key, plus shared handlers.</summary>
    Workflow,
}

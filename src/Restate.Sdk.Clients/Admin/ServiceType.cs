namespace Restate.Sdk.Clients;

/// <summary>The kind of a registered service, as the admin API names it.</summary>
public enum ServiceType
{
    Service,
    VirtualObject,
    Workflow,
}

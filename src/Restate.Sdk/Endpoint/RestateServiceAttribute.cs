using Restate.Sdk.Endpoint;

namespace Restate.Sdk;

/// <summary>The common base of <c>[Service]</c>, <c>[VirtualObject]</c> and <c>[Workflow]</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public abstract class RestateServiceAttribute : Attribute
{
    private protected RestateServiceAttribute()
    {
    }

    /// <summary>The service name Restate knows; defaults to the class name.</summary>
    public string? Name { get; set; }

    /// <summary>Documentation shown in the Restate UI and admin API.</summary>
    public string? Documentation { get; set; }

    internal abstract ServiceKind Kind { get; }
}

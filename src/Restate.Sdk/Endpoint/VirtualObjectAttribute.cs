using Restate.Sdk.Endpoint;

namespace Restate.Sdk;

/// <summary>A Restate virtual object: state per key; exclusive handlers take <see cref="IObjectContext"/>, shared ones <see cref="ISharedObjectContext"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class VirtualObjectAttribute : RestateServiceAttribute
{
    internal override ServiceKind Kind => ServiceKind.VirtualObject;
}

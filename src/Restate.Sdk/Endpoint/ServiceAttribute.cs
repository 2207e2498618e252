using Restate.Sdk.Endpoint;

namespace Restate.Sdk;

/// <summary>A stateless Restate service: its handlers take <see cref="IContext"/>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ServiceAttribute : RestateServiceAttribute
{
    internal override ServiceKind Kind => ServiceKind.Service;
}

using System.Diagnostics.CodeAnalysis;

namespace Restate.Sdk.Endpoint;

/// <summary>The services this endpoint serves, by name, in registration order.</summary>
internal sealed class ServiceRegistry
{
    private readonly List<ServiceDefinition> _services = [];
    private readonly Dictionary<string, ServiceDefinition> _byName = new(StringComparer.Ordinal);

    public IReadOnlyList<ServiceDefinition> Services => _services;

    public void Add(ServiceDefinition service)
    {
        ArgumentNullException.ThrowIfNull(service);
        if (!_byName.TryAdd(service.Name, service))
        {
            throw new RestateDefinitionException(
                $"Two services are named '{service.Name}'. Service names are unique per endpoint; rename one with [{service.Kind}(Name = \"...\")] or the explicit registration's name.");
        }

        _services.Add(service);
    }

    public bool TryGet(string name, [NotNullWhen(true)] out ServiceDefinition? service) => _byName.TryGetValue(name, out service);
}

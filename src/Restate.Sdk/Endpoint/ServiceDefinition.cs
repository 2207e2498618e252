using System.Collections.Frozen;

namespace Restate.Sdk.Endpoint;

/// <summary>A service, virtual object or workflow with its handlers, validated and ready to serve.</summary>
internal sealed class ServiceDefinition
{
    private readonly FrozenDictionary<string, HandlerDefinition> _handlersByName;

    public ServiceDefinition(string name, ServiceKind kind, ServiceOptions options, IReadOnlyList<HandlerDefinition> handlers)
    {
        Name = name;
        Kind = kind;
        Options = options;
        Handlers = handlers;
        DefinitionValidator.Validate(this);
        _handlersByName = handlers.ToFrozenDictionary(h => h.Name, StringComparer.Ordinal);
    }

    public string Name { get; }

    public ServiceKind Kind { get; }

    public ServiceOptions Options { get; }

    public IReadOnlyList<HandlerDefinition> Handlers { get; }

    public bool TryGetHandler(string name, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out HandlerDefinition? handler) =>
        _handlersByName.TryGetValue(name, out handler);
}

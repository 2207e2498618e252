namespace Restate.Sdk;

/// <summary>Options of a service, virtual object or workflow, and of its handlers.</summary>
public sealed class ServiceOptions : InvocationOptions
{
    private readonly Dictionary<string, HandlerOptions> _handlers = new(StringComparer.Ordinal);

    /// <summary>The options of each configured handler, by handler name.</summary>
    public IReadOnlyDictionary<string, HandlerOptions> Handlers => _handlers;

    /// <summary>Configures the options of the handler named <paramref name="handlerName"/>.</summary>
    public ServiceOptions ConfigureHandler(string handlerName, Action<HandlerOptions> configure)
    {
        ArgumentException.ThrowIfNullOrEmpty(handlerName);
        ArgumentNullException.ThrowIfNull(configure);
        if (!_handlers.TryGetValue(handlerName, out var options))
        {
            options = new HandlerOptions();
            _handlers.Add(handlerName, options);
        }

        configure(options);
        return this;
    }
}

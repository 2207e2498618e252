namespace Restate.Sdk.Endpoint;

/// <summary>Collects explicitly registered handlers of one service; shared by the public builders.</summary>
internal sealed class HandlerListBuilder(string serviceName, ServiceKind kind)
{
    private readonly List<(string Name, HandlerKind Kind, Type? Input, Type? Output, HandlerInvoker Invoker)> _handlers = [];

    public string ServiceName { get; } = serviceName;

    public ServiceOptions Options { get; } = new();

    public void Add<TIn, TOut>(string handlerName, HandlerKind handlerKind, HandlerBody<TIn, TOut> body, Action<HandlerOptions>? configure)
    {
        ArgumentException.ThrowIfNullOrEmpty(handlerName);
        if (configure is not null)
        {
            Options.ConfigureHandler(handlerName, configure);
        }

        var invoker = HandlerInvokerFactory.Create($"{ServiceName}/{handlerName}", body);
        _handlers.Add((
            handlerName,
            handlerKind,
            typeof(TIn) == typeof(NoValue) ? null : typeof(TIn),
            typeof(TOut) == typeof(NoValue) ? null : typeof(TOut),
            invoker));
    }

    public ServiceDefinition Build()
    {
        var handlers = _handlers
            .Select(h => new HandlerDefinition(
                h.Name,
                h.Kind,
                h.Input,
                h.Output,
                Options.Handlers.TryGetValue(h.Name, out var options) ? options : new HandlerOptions(),
                h.Invoker))
            .ToList();
        return new ServiceDefinition(ServiceName, kind, Options, handlers);
    }
}

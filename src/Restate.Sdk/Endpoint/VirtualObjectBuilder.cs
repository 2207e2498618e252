using Restate.Sdk.Endpoint;

namespace Restate.Sdk;

/// <summary>Registers the handlers of a virtual object defined without attributes.</summary>
public sealed class VirtualObjectBuilder
{
    private readonly HandlerListBuilder _handlers;

    internal VirtualObjectBuilder(string name)
    {
        _handlers = new HandlerListBuilder(name, ServiceKind.VirtualObject);
    }

    /// <summary>The service name.</summary>
    public string Name => _handlers.ServiceName;

    /// <summary>The options of the service (and, through <see cref="ServiceOptions.ConfigureHandler"/>, of its handlers).</summary>
    public ServiceOptions Options => _handlers.Options;

    /// <summary>Adds an exclusive handler (one at a time per key; may write state); takes an input and returns a result.</summary>
    public VirtualObjectBuilder Handler<TIn, TOut>(string name, Func<IObjectContext, TIn, Task<TOut>> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Exclusive, DelegateHandlerBodies.Of(handler), configure);
        return this;
    }

    /// <summary>Adds an exclusive handler (one at a time per key; may write state); takes no input and returns a result.</summary>
    public VirtualObjectBuilder Handler<TOut>(string name, Func<IObjectContext, Task<TOut>> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Exclusive, DelegateHandlerBodies.Of(handler), configure);
        return this;
    }

    /// <summary>Adds an exclusive handler (one at a time per key; may write state); takes an input and returns no result.</summary>
    public VirtualObjectBuilder Handler<TIn>(string name, Func<IObjectContext, TIn, Task> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Exclusive, DelegateHandlerBodies.OfAction(handler), configure);
        return this;
    }

    /// <summary>Adds an exclusive handler (one at a time per key; may write state); takes no input and returns no result.</summary>
    public VirtualObjectBuilder Handler(string name, Func<IObjectContext, Task> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Exclusive, DelegateHandlerBodies.OfAction(handler), configure);
        return this;
    }

    /// <summary>Adds a shared handler (concurrent; reads state only); takes an input and returns a result.</summary>
    public VirtualObjectBuilder SharedHandler<TIn, TOut>(string name, Func<ISharedObjectContext, TIn, Task<TOut>> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Shared, DelegateHandlerBodies.Of(handler), configure);
        return this;
    }

    /// <summary>Adds a shared handler (concurrent; reads state only); takes no input and returns a result.</summary>
    public VirtualObjectBuilder SharedHandler<TOut>(string name, Func<ISharedObjectContext, Task<TOut>> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Shared, DelegateHandlerBodies.Of(handler), configure);
        return this;
    }

    /// <summary>Adds a shared handler (concurrent; reads state only); takes an input and returns no result.</summary>
    public VirtualObjectBuilder SharedHandler<TIn>(string name, Func<ISharedObjectContext, TIn, Task> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Shared, DelegateHandlerBodies.OfAction(handler), configure);
        return this;
    }

    /// <summary>Adds a shared handler (concurrent; reads state only); takes no input and returns no result.</summary>
    public VirtualObjectBuilder SharedHandler(string name, Func<ISharedObjectContext, Task> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Shared, DelegateHandlerBodies.OfAction(handler), configure);
        return this;
    }

    internal ServiceDefinition Build() => _handlers.Build();
}

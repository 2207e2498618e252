using Restate.Sdk.Endpoint;

namespace Restate.Sdk;

/// <summary>Registers the handlers of a workflow defined without attributes.</summary>
public sealed class WorkflowBuilder
{
    private readonly HandlerListBuilder _handlers;

    internal WorkflowBuilder(string name)
    {
        _handlers = new HandlerListBuilder(name, ServiceKind.Workflow);
    }

    /// <summary>The service name.</summary>
    public string Name => _handlers.ServiceName;

    /// <summary>The options of the service (and, through <see cref="ServiceOptions.ConfigureHandler"/>, of its handlers).</summary>
    public ServiceOptions Options => _handlers.Options;

    /// <summary>Adds the workflow's run handler (once per key); takes an input and returns a result.</summary>
    public WorkflowBuilder Handler<TIn, TOut>(string name, Func<IWorkflowContext, TIn, Task<TOut>> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Workflow, DelegateHandlerBodies.Of(handler), configure);
        return this;
    }

    /// <summary>Adds the workflow's run handler (once per key); takes no input and returns a result.</summary>
    public WorkflowBuilder Handler<TOut>(string name, Func<IWorkflowContext, Task<TOut>> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Workflow, DelegateHandlerBodies.Of(handler), configure);
        return this;
    }

    /// <summary>Adds the workflow's run handler (once per key); takes an input and returns no result.</summary>
    public WorkflowBuilder Handler<TIn>(string name, Func<IWorkflowContext, TIn, Task> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Workflow, DelegateHandlerBodies.OfAction(handler), configure);
        return this;
    }

    /// <summary>Adds the workflow's run handler (once per key); takes no input and returns no result.</summary>
    public WorkflowBuilder Handler(string name, Func<IWorkflowContext, Task> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Workflow, DelegateHandlerBodies.OfAction(handler), configure);
        return this;
    }

    /// <summary>Adds a shared handler (signals, queries; reads state and promises); takes an input and returns a result.</summary>
    public WorkflowBuilder SharedHandler<TIn, TOut>(string name, Func<ISharedWorkflowContext, TIn, Task<TOut>> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Shared, DelegateHandlerBodies.Of(handler), configure);
        return this;
    }

    /// <summary>Adds a shared handler (signals, queries; reads state and promises); takes no input and returns a result.</summary>
    public WorkflowBuilder SharedHandler<TOut>(string name, Func<ISharedWorkflowContext, Task<TOut>> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Shared, DelegateHandlerBodies.Of(handler), configure);
        return this;
    }

    /// <summary>Adds a shared handler (signals, queries; reads state and promises); takes an input and returns no result.</summary>
    public WorkflowBuilder SharedHandler<TIn>(string name, Func<ISharedWorkflowContext, TIn, Task> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Shared, DelegateHandlerBodies.OfAction(handler), configure);
        return this;
    }

    /// <summary>Adds a shared handler (signals, queries; reads state and promises); takes no input and returns no result.</summary>
    public WorkflowBuilder SharedHandler(string name, Func<ISharedWorkflowContext, Task> handler, Action<HandlerOptions>? configure = null)
    {
        _handlers.Add(name, HandlerKind.Shared, DelegateHandlerBodies.OfAction(handler), configure);
        return this;
    }

    internal ServiceDefinition Build() => _handlers.Build();
}

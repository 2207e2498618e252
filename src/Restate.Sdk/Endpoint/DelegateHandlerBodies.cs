namespace Restate.Sdk.Endpoint;

/// <summary>Adapts the delegates of explicitly registered handlers to <see cref="HandlerBody{TIn, TOut}"/>.</summary>
internal static class DelegateHandlerBodies
{
    public static HandlerBody<TIn, TOut> Of<TCtx, TIn, TOut>(Func<TCtx, TIn, Task<TOut>> handler)
        where TCtx : class, IContext
    {
        ArgumentNullException.ThrowIfNull(handler);
        return (invocation, input) => new ValueTask<TOut>(handler(ContextAs<TCtx>(invocation), input));
    }

    public static HandlerBody<NoValue, TOut> Of<TCtx, TOut>(Func<TCtx, Task<TOut>> handler)
        where TCtx : class, IContext
    {
        ArgumentNullException.ThrowIfNull(handler);
        return (invocation, _) => new ValueTask<TOut>(handler(ContextAs<TCtx>(invocation)));
    }

    public static HandlerBody<TIn, NoValue> OfAction<TCtx, TIn>(Func<TCtx, TIn, Task> handler)
        where TCtx : class, IContext
    {
        ArgumentNullException.ThrowIfNull(handler);
        return async (invocation, input) =>
        {
            await handler(ContextAs<TCtx>(invocation), input).ConfigureAwait(false);
            return default;
        };
    }

    public static HandlerBody<NoValue, NoValue> OfAction<TCtx>(Func<TCtx, Task> handler)
        where TCtx : class, IContext
    {
        ArgumentNullException.ThrowIfNull(handler);
        return async (invocation, _) =>
        {
            await handler(ContextAs<TCtx>(invocation)).ConfigureAwait(false);
            return default;
        };
    }

    /// <summary>The invocation's context as the interface the handler declares (it implements them all).</summary>
    public static TCtx ContextAs<TCtx>(HandlerInvocation invocation)
        where TCtx : class, IContext => (TCtx)(object)invocation.Context;
}

namespace Restate.Sdk.Endpoint;

/// <summary>
/// Builds the <see cref="HandlerInvoker"/> of a handler: read the input, run the body, write the
/// output. Everything type-specific is fixed once at startup through generic instantiation, so a
/// call costs no reflection.
/// </summary>
internal static class HandlerInvokerFactory
{
    /// <summary>
    /// The invoker of a handler whose body takes <typeparamref name="TIn"/> and returns
    /// <typeparamref name="TOut"/>; <see cref="NoValue"/> stands for "no input" or "no output".
    /// </summary>
    /// <param name="handlerPath"><c>Service/handler</c>, for error messages.</param>
    /// <param name="body">The handler's code.</param>
    public static HandlerInvoker Create<TIn, TOut>(string handlerPath, HandlerBody<TIn, TOut> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        return invocation => InvokeAsync(handlerPath, body, invocation);
    }

    private static async Task<ReadOnlyMemory<byte>> InvokeAsync<TIn, TOut>(
        string handlerPath, HandlerBody<TIn, TOut> body, HandlerInvocation invocation)
    {
        var input = typeof(TIn) == typeof(NoValue) ? default! : ReadInput<TIn>(handlerPath, invocation);
        var output = await body(invocation, input).ConfigureAwait(false);
        return typeof(TOut) == typeof(NoValue) ? ReadOnlyMemory<byte>.Empty : invocation.Serializer.Serialize(output);
    }

    /// <summary>Reads the input; a missing or unreadable one is the caller's fault, so it fails terminally with 400.</summary>
    public static TIn ReadInput<TIn>(string handlerPath, HandlerInvocation invocation)
    {
        if (invocation.Input.IsEmpty)
        {
            throw new TerminalException(
                $"Handler '{handlerPath}' expects an input of type {TypeNames.Display(typeof(TIn))}, but the request has no body.",
                400);
        }

        try
        {
            return invocation.Serializer.Deserialize<TIn>(invocation.Input.Span)!;
        }
        catch (Exception e) when (e is not TerminalException)
        {
            throw new TerminalException(
                $"Handler '{handlerPath}' could not read its input as {TypeNames.Display(typeof(TIn))}: {e.Message}",
                400);
        }
    }
}

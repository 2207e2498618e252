using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace Restate.Sdk.Endpoint;

/// <summary>
/// Adapts a <c>[Handler]</c> method to <see cref="HandlerBody{TIn, TOut}"/>. The method becomes a
/// typed delegate once at startup. For an instance method, each call creates the service instance
/// from the invocation's DI scope and disposes it afterwards if it is disposable; a static method
/// needs no instance.
/// </summary>
internal static class MethodHandlerBodies
{
    /// <summary>Builds the invoker of <paramref name="method"/> as described by <paramref name="shape"/>.</summary>
    public static HandlerInvoker CreateInvoker(string handlerPath, Type serviceType, MethodInfo method, MethodShape shape)
    {
        var adapterName = (shape.ReturnsValueTask ? "ValueTask" : "Task")
            + (shape.OutputType is null ? "Action" : "Function")
            + (shape.InputType is null ? "WithoutInput" : "WithInput");
        var adapter = typeof(MethodHandlerBodies).GetMethod(adapterName, BindingFlags.NonPublic | BindingFlags.Static)
            ?? throw new InvalidOperationException($"Missing handler adapter {adapterName}.");
        var generic = adapter.MakeGenericMethod(
            serviceType, shape.ContextType, shape.InputType ?? typeof(NoValue), shape.OutputType ?? typeof(NoValue));
        return (HandlerInvoker)generic.Invoke(null, [handlerPath, method])!;
    }

    private static HandlerInvoker TaskFunctionWithInput<TService, TCtx, TIn, TOut>(string path, MethodInfo method)
        where TService : class
        where TCtx : class, IContext
    {
        var call = method.IsStatic
            ? Static<TService, TCtx, TIn, Task<TOut>>(method.CreateDelegate<Func<TCtx, TIn, Task<TOut>>>())
            : method.CreateDelegate<Func<TService, TCtx, TIn, Task<TOut>>>();
        return Build<TService, TCtx, TIn, TOut>(path, (service, ctx, input) => new ValueTask<TOut>(call(service, ctx, input)), method.IsStatic);
    }

    private static HandlerInvoker TaskFunctionWithoutInput<TService, TCtx, TIn, TOut>(string path, MethodInfo method)
        where TService : class
        where TCtx : class, IContext
    {
        var call = method.IsStatic
            ? Static<TService, TCtx, Task<TOut>>(method.CreateDelegate<Func<TCtx, Task<TOut>>>())
            : method.CreateDelegate<Func<TService, TCtx, Task<TOut>>>();
        return Build<TService, TCtx, TIn, TOut>(path, (service, ctx, _) => new ValueTask<TOut>(call(service, ctx)), method.IsStatic);
    }

    private static HandlerInvoker TaskActionWithInput<TService, TCtx, TIn, TOut>(string path, MethodInfo method)
        where TService : class
        where TCtx : class, IContext
    {
        var call = method.IsStatic
            ? Static<TService, TCtx, TIn, Task>(method.CreateDelegate<Func<TCtx, TIn, Task>>())
            : method.CreateDelegate<Func<TService, TCtx, TIn, Task>>();
        return Build<TService, TCtx, TIn, TOut>(path, async (service, ctx, input) =>
        {
            await call(service, ctx, input).ConfigureAwait(false);
            return default!;
        }, method.IsStatic);
    }

    private static HandlerInvoker TaskActionWithoutInput<TService, TCtx, TIn, TOut>(string path, MethodInfo method)
        where TService : class
        where TCtx : class, IContext
    {
        var call = method.IsStatic
            ? Static<TService, TCtx, Task>(method.CreateDelegate<Func<TCtx, Task>>())
            : method.CreateDelegate<Func<TService, TCtx, Task>>();
        return Build<TService, TCtx, TIn, TOut>(path, async (service, ctx, _) =>
        {
            await call(service, ctx).ConfigureAwait(false);
            return default!;
        }, method.IsStatic);
    }

    private static HandlerInvoker ValueTaskFunctionWithInput<TService, TCtx, TIn, TOut>(string path, MethodInfo method)
        where TService : class
        where TCtx : class, IContext
    {
        var call = method.IsStatic
            ? Static<TService, TCtx, TIn, ValueTask<TOut>>(method.CreateDelegate<Func<TCtx, TIn, ValueTask<TOut>>>())
            : method.CreateDelegate<Func<TService, TCtx, TIn, ValueTask<TOut>>>();
        return Build(path, call, method.IsStatic);
    }

    private static HandlerInvoker ValueTaskFunctionWithoutInput<TService, TCtx, TIn, TOut>(string path, MethodInfo method)
        where TService : class
        where TCtx : class, IContext
    {
        var call = method.IsStatic
            ? Static<TService, TCtx, ValueTask<TOut>>(method.CreateDelegate<Func<TCtx, ValueTask<TOut>>>())
            : method.CreateDelegate<Func<TService, TCtx, ValueTask<TOut>>>();
        return Build<TService, TCtx, TIn, TOut>(path, (service, ctx, _) => call(service, ctx), method.IsStatic);
    }

    private static HandlerInvoker ValueTaskActionWithInput<TService, TCtx, TIn, TOut>(string path, MethodInfo method)
        where TService : class
        where TCtx : class, IContext
    {
        var call = method.IsStatic
            ? Static<TService, TCtx, TIn, ValueTask>(method.CreateDelegate<Func<TCtx, TIn, ValueTask>>())
            : method.CreateDelegate<Func<TService, TCtx, TIn, ValueTask>>();
        return Build<TService, TCtx, TIn, TOut>(path, async (service, ctx, input) =>
        {
            await call(service, ctx, input).ConfigureAwait(false);
            return default!;
        }, method.IsStatic);
    }

    private static HandlerInvoker ValueTaskActionWithoutInput<TService, TCtx, TIn, TOut>(string path, MethodInfo method)
        where TService : class
        where TCtx : class, IContext
    {
        var call = method.IsStatic
            ? Static<TService, TCtx, ValueTask>(method.CreateDelegate<Func<TCtx, ValueTask>>())
            : method.CreateDelegate<Func<TService, TCtx, ValueTask>>();
        return Build<TService, TCtx, TIn, TOut>(path, async (service, ctx, _) =>
        {
            await call(service, ctx).ConfigureAwait(false);
            return default!;
        }, method.IsStatic);
    }

    private static HandlerInvoker Build<TService, TCtx, TIn, TOut>(string path, Func<TService, TCtx, TIn, ValueTask<TOut>> call, bool isStatic)
        where TService : class
        where TCtx : class, IContext
    {
        if (isStatic)
        {
            return HandlerInvokerFactory.Create<TIn, TOut>(
                path, (invocation, input) => call(null!, DelegateHandlerBodies.ContextAs<TCtx>(invocation), input));
        }

        var factory = ActivatorUtilities.CreateFactory<TService>(Type.EmptyTypes);
        HandlerBody<TIn, TOut> body =
            typeof(IAsyncDisposable).IsAssignableFrom(typeof(TService)) || typeof(IDisposable).IsAssignableFrom(typeof(TService))
                ? (invocation, input) => CallThenDisposeAsync(factory(invocation.Services, null), call, invocation, input)
                : (invocation, input) => call(factory(invocation.Services, null), DelegateHandlerBodies.ContextAs<TCtx>(invocation), input);
        return HandlerInvokerFactory.Create(path, body);
    }

    // A static handler ignores the instance argument, so the shapes share one delegate type.
    private static Func<TService, TCtx, TIn, TResult> Static<TService, TCtx, TIn, TResult>(Func<TCtx, TIn, TResult> call) =>
        (_, ctx, input) => call(ctx, input);

    private static Func<TService, TCtx, TResult> Static<TService, TCtx, TResult>(Func<TCtx, TResult> call) =>
        (_, ctx) => call(ctx);

    private static async ValueTask<TOut> CallThenDisposeAsync<TService, TCtx, TIn, TOut>(
        TService service, Func<TService, TCtx, TIn, ValueTask<TOut>> call, HandlerInvocation invocation, TIn input)
        where TService : class
        where TCtx : class, IContext
    {
        try
        {
            return await call(service, DelegateHandlerBodies.ContextAs<TCtx>(invocation), input).ConfigureAwait(false);
        }
        finally
        {
            if (service is IAsyncDisposable asyncDisposable)
            {
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
            }
            else
            {
                ((IDisposable)service).Dispose();
            }
        }
    }
}

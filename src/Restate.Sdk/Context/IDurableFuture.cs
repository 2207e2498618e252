using System.Runtime.CompilerServices;

namespace Restate.Sdk;

/// <summary>
/// A result that Restate completes durably (a timer, a call, a run, an awakeable, a promise).
/// Await it directly, or combine several with <see cref="DurableFuture"/>.
/// </summary>
public interface IDurableFuture
{
    Task AsTask();

    TaskAwaiter GetAwaiter();
}

/// <inheritdoc cref="IDurableFuture"/>
public interface IDurableFuture<T> : IDurableFuture
{
    new Task<T> AsTask();

    new TaskAwaiter<T> GetAwaiter();
}

/// <summary>The future of a call, which also knows the invocation id of the callee.</summary>
public interface ICallFuture<T> : IDurableFuture<T>
{
    Task<string> InvocationId();
}

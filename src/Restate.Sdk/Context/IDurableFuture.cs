using System.Runtime.CompilerServices;

namespace Restate.Sdk;

/// <summary>
/// A result that Restate completes durably (a timer, a call, a run, an awakeable, a promise).
/// Await it directly, or combine several with <see cref="DurableFuture"/>.
/// </summary>
public interface IDurableFuture
{
    /// <summary>A task that completes with the durable result.</summary>
    Task AsTask();

    /// <summary>Makes the future awaitable.</summary>
    TaskAwaiter GetAwaiter();
}

/// <inheritdoc cref="IDurableFuture"/>
public interface IDurableFuture<T> : IDurableFuture
{
    /// <summary>A task that completes with the durable result.</summary>
    new Task<T> AsTask();

    /// <summary>Makes the future awaitable.</summary>
    new TaskAwaiter<T> GetAwaiter();
}

/// <summary>The future of a call, which also knows the invocation id of the callee.</summary>
public interface ICallFuture<T> : IDurableFuture<T>
{
    /// <summary>The invocation id of the callee, once Restate has assigned it.</summary>
    Task<string> InvocationId();
}

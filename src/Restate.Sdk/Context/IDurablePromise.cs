namespace Restate.Sdk;

/// <summary>A workflow's durable promise: awaited by one handler, completed by another.</summary>
public interface IDurablePromise<T>
{
    /// <summary>Waits until the promise is resolved (or throws its rejection as a <see cref="TerminalException"/>).</summary>
    IDurableFuture<T> Get();

    /// <summary>The value if the promise is already resolved, without waiting.</summary>
    Task<PromisePeek<T>> Peek();

    /// <summary>Resolves the promise with <paramref name="value"/>.</summary>
    Task Resolve(T value);

    /// <summary>Rejects the promise; waiters get a <see cref="TerminalException"/> with <paramref name="reason"/>.</summary>
    Task Reject(string reason);
}

/// <summary>The outcome of peeking at a durable promise.</summary>
public readonly record struct PromisePeek<T>(bool IsCompleted, T? Value);

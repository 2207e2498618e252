using Microsoft.Extensions.Logging;

namespace Restate.Sdk;

/// <summary>
/// The context of a handler invocation. Every durable action goes through it, so that
/// a retried or resumed invocation replays the journal instead of repeating side effects.
/// </summary>
public interface IContext
{
    /// <summary>The invocation id, e.g. <c>inv_1…</c>.</summary>
    string InvocationId { get; }

    /// <summary>The headers of the original request, as the ingress passed them on.</summary>
    IReadOnlyDictionary<string, string> Headers { get; }

    /// <summary>A logger that stays silent while the invocation replays its journal.</summary>
    ILogger Logger { get; }

    /// <summary>Deterministic randomness seeded from the invocation; the same values on every replay.</summary>
    IDeterministicRandom Random { get; }

    /// <summary>Fires when the invocation attempt is aborted (not when it is cancelled through Restate).</summary>
    CancellationToken Aborted { get; }

    /// <summary>
    /// Runs a side effect once and journals its result; replays return the stored result. The closure's
    /// token fires when the attempt ends or the invocation is cancelled through Restate; a closure
    /// cancelled that way is abandoned (its outcome is not stored) and the await fails with the
    /// cancellation, a <see cref="TerminalException"/> with code 409.
    /// </summary>
    Task<T> Run<T>(string name, Func<CancellationToken, Task<T>> action, RunOptions? options = null);

    /// <inheritdoc cref="Run{T}(string, Func{CancellationToken, Task{T}}, RunOptions?)"/>
    Task Run(string name, Func<CancellationToken, Task> action, RunOptions? options = null);

    /// <summary>Like <see cref="Run{T}"/>, but returns a durable future to combine with others.</summary>
    IDurableFuture<T> RunAsync<T>(string name, Func<CancellationToken, Task<T>> action, RunOptions? options = null);

    /// <summary>The current time, recorded in the journal so replays see the same value.</summary>
    Task<DateTimeOffset> Now();

    /// <summary>A durable sleep; the invocation may suspend while it waits.</summary>
    Task Sleep(TimeSpan duration, string? name = null);

    /// <summary>A durable timer to combine with other futures.</summary>
    IDurableFuture Timer(TimeSpan duration, string? name = null);

    /// <summary>Calls a handler and waits for its response. A failure of the callee is a <see cref="TerminalException"/>.</summary>
    Task<TResponse> Call<TResponse>(CallTarget target, object? request = null, CallOptions? options = null);

    /// <summary>Calls a handler and returns a future for its response.</summary>
    ICallFuture<TResponse> CallAsync<TResponse>(CallTarget target, object? request = null, CallOptions? options = null);

    /// <summary>Sends a one-way message to a handler, optionally delayed.</summary>
    InvocationHandle Send(CallTarget target, object? request = null, SendOptions? options = null);

    /// <summary>Creates an awakeable that code outside this invocation can resolve by its id.</summary>
    Awakeable<T> Awakeable<T>();

    /// <summary>Resolves an awakeable of another invocation.</summary>
    void ResolveAwakeable<T>(string awakeableId, T payload);

    /// <summary>Rejects an awakeable of another invocation with a terminal failure.</summary>
    void RejectAwakeable(string awakeableId, string reason);

    /// <summary>Cancels another invocation.</summary>
    void CancelInvocation(string invocationId);

    /// <summary>Waits for the result of another invocation.</summary>
    IDurableFuture<T> AttachInvocation<T>(string invocationId);
}

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Restate.Sdk.Tests.Endpoint;

/// <summary>
/// A test-only context: in-memory state and a key, enough for the invoker tests. Durable actions
/// are outside what these tests exercise and fail loudly if a handler reaches for them.
/// </summary>
internal sealed class FakeContext(string key = "k") : IWorkflowContext
{
    public Dictionary<string, object?> State { get; } = [];

    public string Key { get; } = key;

    public string InvocationId => "inv_test";

    public IReadOnlyDictionary<string, string> Headers { get; } = new Dictionary<string, string>();

    public ILogger Logger => NullLogger.Instance;

    public IDeterministicRandom Random => throw Unsupported();

    public CancellationToken Aborted => CancellationToken.None;

    public ValueTask<T?> Get<T>(string key) =>
        ValueTask.FromResult(State.TryGetValue(key, out var value) ? (T?)value : default);

    public ValueTask<IReadOnlyList<string>> StateKeys() =>
        ValueTask.FromResult<IReadOnlyList<string>>([.. State.Keys.Order(StringComparer.Ordinal)]);

    public void Set<T>(string key, T value) => State[key] = value;

    public void Clear(string key) => State.Remove(key);

    public void ClearAll() => State.Clear();

    public Task<T> Run<T>(string name, Func<CancellationToken, Task<T>> action, RunOptions? options = null) => action(CancellationToken.None);

    public Task Run(string name, Func<CancellationToken, Task> action, RunOptions? options = null) => action(CancellationToken.None);

    public IDurableFuture<T> RunAsync<T>(string name, Func<CancellationToken, Task<T>> action, RunOptions? options = null) => throw Unsupported();

    public Task<DateTimeOffset> Now() => throw Unsupported();

    public Task Sleep(TimeSpan duration, string? name = null) => throw Unsupported();

    public IDurableFuture Timer(TimeSpan duration, string? name = null) => throw Unsupported();

    public Task<TResponse> Call<TResponse>(CallTarget target, object? request = null, CallOptions? options = null) => throw Unsupported();

    public ICallFuture<TResponse> CallAsync<TResponse>(CallTarget target, object? request = null, CallOptions? options = null) => throw Unsupported();

    public InvocationHandle Send(CallTarget target, object? request = null, SendOptions? options = null) => throw Unsupported();

    public Awakeable<T> Awakeable<T>() => throw Unsupported();

    public void ResolveAwakeable<T>(string awakeableId, T payload) => throw Unsupported();

    public void RejectAwakeable(string awakeableId, string reason) => throw Unsupported();

    public void CancelInvocation(string invocationId) => throw Unsupported();

    public IDurableFuture<T> AttachInvocation<T>(string invocationId) => throw Unsupported();

    public IDurablePromise<T> Promise<T>(string name) => throw Unsupported();

    private static NotSupportedException Unsupported() => new("The fake context of the endpoint tests does not support this.");
}

using Restate.Sdk.Endpoint;
using Restate.Sdk.StateMachine;

namespace Restate.Sdk;

/// <summary>Calls, sends, awakeables, cancellation, attaching, and workflow promises.</summary>
internal sealed partial class InvocationContext
{
    public Task<TResponse> Call<TResponse>(CallTarget target, object? request = null, CallOptions? options = null) =>
        CallAsync<TResponse>(target, request, options).AsTask();

    public ICallFuture<TResponse> CallAsync<TResponse>(CallTarget target, object? request = null, CallOptions? options = null)
    {
        var call = ToCallRequest(target, request, options);
        CallHandles handles;
        lock (Sync)
        {
            handles = Machine.SysCall(call);
        }

        var invocationId = new LeafFuture<string>(this, handles.InvocationIdHandle, r => r.InvocationId!);
        return new CallFuture<TResponse>(this, handles.ResultHandle, Deserialize<TResponse>, invocationId);
    }

    public InvocationHandle Send(CallTarget target, object? request = null, SendOptions? options = null)
    {
        var call = ToCallRequest(target, request, options);
        var invokeTime = options?.Delay is { } delay && delay > TimeSpan.Zero
            ? (ulong)(_time.GetUtcNow().ToUnixTimeMilliseconds() + (long)delay.TotalMilliseconds)
            : 0UL;
        int handle;
        lock (Sync)
        {
            handle = Machine.SysSend(call, invokeTime);
        }

        return new InvocationHandle(new LeafFuture<string>(this, handle, r => r.InvocationId!));
    }

    public Awakeable<T> Awakeable<T>()
    {
        EnsureUsable();
        (string Id, int Handle) awakeable;
        lock (Sync)
        {
            awakeable = Machine.SysAwakeable();
        }

        return new Awakeable<T>(awakeable.Id, new LeafFuture<T>(this, awakeable.Handle, Deserialize<T>));
    }

    public void ResolveAwakeable<T>(string awakeableId, T payload)
    {
        ArgumentException.ThrowIfNullOrEmpty(awakeableId);
        EnsureUsable();
        var bytes = Serialize(payload);
        lock (Sync)
        {
            Machine.SysCompleteAwakeable(awakeableId, ValueOrFailure.Success(bytes));
        }
    }

    public void RejectAwakeable(string awakeableId, string reason)
    {
        ArgumentException.ThrowIfNullOrEmpty(awakeableId);
        EnsureUsable();
        lock (Sync)
        {
            Machine.SysCompleteAwakeable(awakeableId, ValueOrFailure.Failed(new TerminalFailure(TerminalException.DefaultCode, reason ?? "")));
        }
    }

    public void CancelInvocation(string invocationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(invocationId);
        EnsureUsable();
        lock (Sync)
        {
            Machine.SysCancelInvocation(invocationId);
        }
    }

    public IDurableFuture<T> AttachInvocation<T>(string invocationId)
    {
        ArgumentException.ThrowIfNullOrEmpty(invocationId);
        EnsureUsable();
        int handle;
        lock (Sync)
        {
            handle = Machine.SysAttachInvocation(AttachTarget.ForInvocation(invocationId));
        }

        return new LeafFuture<T>(this, handle, Deserialize<T>);
    }

    public IDurablePromise<T> Promise<T>(string name)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        EnsureUsable();
        if (_request.ServiceKind != ServiceKind.Workflow)
        {
            throw new InvalidOperationException(
                $"Durable promises exist only in workflows; '{_request.ServiceName}' is a {_request.ServiceKind}.");
        }

        return new DurablePromise<T>(this, name);
    }

    internal IDurableFuture<T> CreatePromiseFuture<T>(string name, PromiseOperation operation, Func<NotificationResult, T> map)
    {
        EnsureUsable();
        int handle;
        lock (Sync)
        {
            handle = operation == PromiseOperation.Get ? Machine.SysGetPromise(name) : Machine.SysPeekPromise(name);
        }

        return new LeafFuture<T>(this, handle, map);
    }

    internal Task CompletePromise(string name, ValueOrFailure completion)
    {
        EnsureUsable();
        int handle;
        lock (Sync)
        {
            handle = Machine.SysCompletePromise(name, completion);
        }

        return new LeafFuture<bool>(this, handle, _ => true).AsTask();
    }

    private CallRequest ToCallRequest(CallTarget target, object? request, CallOptions? options)
    {
        ArgumentNullException.ThrowIfNull(target);
        EnsureUsable();
        if (options?.IdempotencyKey is { Length: 0 })
        {
            throw new ArgumentException("An idempotency key must not be empty.", nameof(options));
        }

        // No request means no input: the callee sees an empty body, not a serialized null.
        var parameter = request is null ? ReadOnlyMemory<byte>.Empty : _serializer.Serialize(request, request.GetType());
        return new CallRequest(
            target.Service,
            target.Handler,
            target.Key,
            parameter,
            options?.Headers,
            options?.IdempotencyKey,
            options?.Name ?? "");
    }
}

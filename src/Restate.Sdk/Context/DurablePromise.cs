using Restate.Sdk.StateMachine;

namespace Restate.Sdk;

/// <summary>A workflow's durable promise, through the promise commands of the state machine.</summary>
internal sealed class DurablePromise<T>(InvocationContext context, string name) : IDurablePromise<T>
{
    public IDurableFuture<T> Get() =>
        context.CreatePromiseFuture(name, PromiseOperation.Get, context.Deserialize<T>);

    public async Task<PromisePeek<T>> Peek() =>
        await context.CreatePromiseFuture(
            name,
            PromiseOperation.Peek,
            result => result.Kind == NotificationResultKind.Value
                ? new PromisePeek<T>(true, context.Deserialize<T>(result))
                : new PromisePeek<T>(false, default)).AsTask().ConfigureAwait(false);

    public async Task Resolve(T value) =>
        await context.CompletePromise(name, ValueOrFailure.Success(context.Serialize(value))).ConfigureAwait(false);

    public async Task Reject(string reason) =>
        await context.CompletePromise(name, ValueOrFailure.Failed(new TerminalFailure(TerminalException.DefaultCode, reason))).ConfigureAwait(false);
}

using Microsoft.Extensions.Logging;
using Restate.Sdk.Endpoint;
using Restate.Sdk.Serialization;
using Restate.Sdk.StateMachine;

namespace Restate.Sdk;

/// <summary>
/// The context of one invocation attempt: every context interface, implemented over the
/// invocation's state machine, which it only touches under the session lock. The partial files
/// hold awaiting, state, runs, and calls/awakeables/promises.
/// </summary>
internal sealed partial class InvocationContext : IWorkflowContext
{
    private readonly InvocationSession _session;
    private readonly InvocationRequest _request;
    private readonly IRestateSerializer _serializer;
    private readonly TimeProvider _time;

    public InvocationContext(InvocationSession session, InvocationRequest request, InputInfo input, TimeProvider? time = null)
    {
        _session = session;
        _request = request;
        _serializer = request.Serializer;
        _time = time ?? TimeProvider.System;
        InvocationId = input.InvocationId;
        Key = input.Key;
        Headers = input.Headers;
        Random = new DeterministicRandom(input.RandomSeed, EnsureRandomAllowed);
        var logger = request.LoggerFactory.CreateLogger($"Restate.Invocation.{request.ServiceName}.{request.HandlerName}");
        Logger = new ReplayAwareLogger(logger, () => Machine.IsReplaying);
    }

    public string InvocationId { get; }

    public string Key { get; }

    public IReadOnlyDictionary<string, string> Headers { get; }

    public ILogger Logger { get; }

    public IDeterministicRandom Random { get; }

    public CancellationToken Aborted => _session.Aborted;

    private object Sync => _session.Sync;

    private InvocationStateMachine Machine => _session.Machine;

    public async Task<DateTimeOffset> Now()
    {
        var millis = await Run("now", _ => Task.FromResult(_time.GetUtcNow().ToUnixTimeMilliseconds())).ConfigureAwait(false);
        return DateTimeOffset.FromUnixTimeMilliseconds(millis);
    }

    public Task Sleep(TimeSpan duration, string? name = null) => Timer(duration, name).AsTask();

    public IDurableFuture Timer(TimeSpan duration, string? name = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        EnsureUsable();
        var wakeUp = (ulong)(_time.GetUtcNow().ToUnixTimeMilliseconds() + (long)duration.TotalMilliseconds);
        int handle;
        lock (Sync)
        {
            handle = Machine.SysSleep(wakeUp, name ?? "");
        }

        return new LeafFuture<bool>(this, handle, _ => true);
    }

    internal byte[] Serialize<T>(T value) => _serializer.Serialize(value);

    internal T Deserialize<T>(NotificationResult result) => Deserialize<T>(result.Value);

    internal T Deserialize<T>(ReadOnlyMemory<byte> bytes) => _serializer.Deserialize<T>(bytes.Span)!;

    private void EnsureStateReadable(string operation)
    {
        EnsureUsable();
        if (_request.ServiceKind == ServiceKind.Service)
        {
            throw new InvalidOperationException(
                $"{operation} is not allowed in '{_request.ServiceName}/{_request.HandlerName}': "
                + "a service has no state. Keep state in a virtual object or a workflow.");
        }
    }

    private void EnsureStateWritable(string operation)
    {
        EnsureStateReadable(operation);
        if (_request.HandlerKind == HandlerKind.Shared)
        {
            throw new InvalidOperationException(
                $"{operation} is not allowed in '{_request.ServiceName}/{_request.HandlerName}': "
                + "a shared handler may read state but not write it. Write state from an exclusive (or workflow run) handler.");
        }
    }
}

using System.Diagnostics;
using System.IO.Pipelines;
using Microsoft.Extensions.Logging.Abstractions;
using Restate.Sdk.Endpoint;
using Restate.Sdk.Hosting;
using Restate.Sdk.Protocol;

namespace Restate.Sdk.Tests.StateMachine;

/// <summary>
/// Runs the invocation pump with a handler over in-memory pipes: the test plays the runtime,
/// writing request frames and reading the response frames.
/// </summary>
internal sealed class InvocationHarness
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);

    private readonly Pipe _request = new();
    private readonly Pipe _response = new();
    private readonly List<Frame> _received = [];
    private readonly MessageDecoder _decoder = new();
    private int _cursor;

    private InvocationHarness()
    {
    }

    public Task Completion { get; private set; } = Task.CompletedTask;

    public TimeProvider Time { get; init; } = new FixedTime();

    public static InvocationHarness Start(
        Func<IWorkflowContext, ReadOnlyMemory<byte>, Task<object?>> handler,
        ServiceKind serviceKind = ServiceKind.VirtualObject,
        HandlerKind handlerKind = HandlerKind.Exclusive,
        bool requestResponse = false,
        ServiceProtocolVersion version = ServiceProtocolVersion.V6,
        Microsoft.Extensions.Logging.ILoggerFactory? loggerFactory = null,
        TimeProvider? time = null,
        string serviceName = "Svc",
        ActivityContext remoteParent = default)
    {
        var harness = new InvocationHarness { Time = time ?? new FixedTime() };
        var request = new InvocationRequest(
            serviceName,
            serviceKind,
            "handle",
            handlerKind,
            async invocation =>
            {
                var result = await handler(invocation.Context, invocation.Input);
                return result is null ? ReadOnlyMemory<byte>.Empty : TestJsonSerializer.Instance.Serialize(result, result.GetType());
            },
            version,
            TestJsonSerializer.Instance,
            new EmptyServiceProvider(),
            loggerFactory ?? NullLoggerFactory.Instance,
            requestResponse);
        harness.Completion = Task.Run(() => InvocationPump.PumpAsync(
            harness._request.Reader, harness._response.Writer, request, CancellationToken.None, harness.Time, remoteParent: remoteParent));
        return harness;
    }

    /// <summary>Runs a whole exchange: sends the frames, reads until End/Suspension/Error, closes input.</summary>
    public static async Task<List<Frame>> RunAsync(
        Func<IWorkflowContext, ReadOnlyMemory<byte>, Task<object?>> handler,
        Frame[] input,
        ServiceKind serviceKind = ServiceKind.VirtualObject,
        HandlerKind handlerKind = HandlerKind.Exclusive,
        bool closeInput = false,
        bool requestResponse = false)
    {
        var harness = Start(handler, serviceKind, handlerKind, requestResponse);
        await harness.SendAsync(input);
        if (closeInput)
        {
            await harness.CloseInputAsync();
        }

        var frames = await harness.ReadUntilTerminalAsync();
        await harness.FinishAsync();
        return frames;
    }

    public async Task SendAsync(params Frame[] frames)
    {
        await _request.Writer.WriteAsync(Frame.Encode(frames));
    }

    public async Task SendRawAsync(byte[] bytes)
    {
        await _request.Writer.WriteAsync(bytes);
    }

    public async Task CloseInputAsync() => await _request.Writer.CompleteAsync();

    /// <summary>The connection breaks: the request stream fails instead of ending.</summary>
    public async Task BreakInputAsync() => await _request.Writer.CompleteAsync(new IOException("connection reset"));

    /// <summary>The next frame not yet returned by this method (frames may arrive in batches).</summary>
    public async Task<Frame> ReadFrameAsync()
    {
        await ReadUntilAsync(() => _received.Count > _cursor);
        return _received[_cursor++];
    }

    /// <summary>Reads until End, Suspension or Error; returns every frame received.</summary>
    public async Task<List<Frame>> ReadUntilTerminalAsync()
    {
        await ReadUntilAsync(() => _received.Any(f => f.Type is MessageType.End or MessageType.Suspension or MessageType.Error));
        return [.. _received];
    }

    /// <summary>Closes input (the runtime does so after End) and waits for the pump to return.</summary>
    public async Task FinishAsync()
    {
        await CloseInputAsync();
        await Completion.WaitAsync(Timeout);
        var rest = await _response.Reader.ReadAsync().AsTask().WaitAsync(Timeout);
        Consume(rest.Buffer);
        _response.Reader.AdvanceTo(rest.Buffer.End);
    }

    public IReadOnlyList<Frame> Received => _received;

    /// <summary>Reads the response until the pump completes it; fails after the timeout.</summary>
    public async Task ReadUntilResponseEndAsync()
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (true)
        {
            var result = await _response.Reader.ReadAsync(timeout.Token);
            Consume(result.Buffer);
            _response.Reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted)
            {
                return;
            }
        }
    }

    private async Task ReadUntilAsync(Func<bool> done)
    {
        using var timeout = new CancellationTokenSource(Timeout);
        while (!done())
        {
            var result = await _response.Reader.ReadAsync(timeout.Token);
            Consume(result.Buffer);
            _response.Reader.AdvanceTo(result.Buffer.End);
            if (result.IsCompleted && !done())
            {
                throw new InvalidOperationException("The response ended. Received: " + string.Join("\n", _received));
            }
        }
    }

    private void Consume(System.Buffers.ReadOnlySequence<byte> buffer)
    {
        _decoder.Push(buffer);
        while (_decoder.TryNext(out var raw))
        {
            _received.Add(Frame.Decode(raw));
        }
    }

    private sealed class EmptyServiceProvider : IServiceProvider
    {
        public object? GetService(Type serviceType) => null;
    }
}

/// <summary>A clock that stands still, so wake-up and invoke times are predictable.</summary>
internal sealed class FixedTime : TimeProvider
{
    public static readonly DateTimeOffset Now = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    public override DateTimeOffset GetUtcNow() => Now;
}

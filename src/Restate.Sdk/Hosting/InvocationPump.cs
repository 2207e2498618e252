using System.Diagnostics;
using System.IO.Pipelines;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;
using Restate.Sdk.Endpoint;
using Restate.Sdk.Protocol;
using Restate.Sdk.StateMachine;
using Restate.Sdk.Telemetry;

namespace Restate.Sdk.Hosting;

/// <summary>
/// Runs one invocation attempt over an HTTP exchange: the request body streams into the state
/// machine, the handler runs against an <see cref="InvocationContext"/>, and the frames the state
/// machine produces stream back in the response body, one write per await point.
/// </summary>
internal static class InvocationPump
{
    /// <summary>How long to wait, after the last frame, for the runtime to close the request stream.</summary>
    private static readonly TimeSpan DrainTimeout = TimeSpan.FromSeconds(30);

    public static async Task RunAsync(HttpContext http, InvocationRequest request)
    {
        // A bidi stream can sit idle for a long time, and a replayed journal can be large.
        if (http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minRate)
        {
            minRate.MinDataRate = null;
        }

        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } maxSize)
        {
            maxSize.MaxRequestBodySize = null;
        }

        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = ContentType(request.Version);
        http.Response.Headers["x-restate-server"] = SdkInfo.ServerHeaderValue;
        await http.Response.StartAsync(http.RequestAborted).ConfigureAwait(false);

        await PumpAsync(
            http.Request.BodyReader,
            http.Response.BodyWriter,
            request,
            http.RequestAborted,
            remoteParent: TraceContext.FromHeaders(http.Request.Headers)).ConfigureAwait(false);
    }

    /// <summary>The exact response content type: no parameters, the runtime compares it byte for byte.</summary>
    public static string ContentType(ServiceProtocolVersion version) => $"application/vnd.restate.invocation.v{(int)version}";

    /// <summary>Drives one attempt over a pair of pipes (the request and response bodies).</summary>
    internal static async Task PumpAsync(
        PipeReader input,
        PipeWriter output,
        InvocationRequest request,
        CancellationToken aborted,
        TimeProvider? time = null,
        StateMachineOptions? options = null,
        ActivityContext remoteParent = default)
    {
        var logger = request.LoggerFactory.CreateLogger(typeof(InvocationPump));
        var machine = new InvocationStateMachine(request.Version, options);
        var session = new InvocationSession(machine, output, request.RequestResponseMode);
        var telemetry = AttemptTelemetry.Begin(request, remoteParent);
        var reading = ReadInputAsync(input, session, aborted);
        try
        {
            if (await WaitUntilReadyAsync(session).ConfigureAwait(false))
            {
                await RunHandlerAsync(session, request, time, logger, telemetry).ConfigureAwait(false);
            }

            await session.FlushAsync().ConfigureAwait(false);
            LogIfFailed(machine, logger, request);
        }
        finally
        {
            session.EndAttempt();
            telemetry?.End(machine.ClosedReason);
        }

        // End the response right after the terminal message instead of after the runtime's request
        // close: the runtime completes the call only once the response has ended, so waiting would
        // add a round trip to every invocation. The request is still read to its end below.
        await session.CompleteOutputAsync().ConfigureAwait(false);
        await DrainAsync(reading, input, session, time ?? TimeProvider.System).ConfigureAwait(false);
    }

    private static async Task ReadInputAsync(PipeReader input, InvocationSession session, CancellationToken aborted)
    {
        try
        {
            while (true)
            {
                var result = await input.ReadAsync(aborted).ConfigureAwait(false);
                if (!result.Buffer.IsEmpty)
                {
                    session.FeedInput(result.Buffer);
                }

                input.AdvanceTo(result.Buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }

                bool failedOnInput;
                lock (session.Sync)
                {
                    failedOnInput = session.Machine.HasOutput && session.Machine.IsClosed;
                }

                if (failedOnInput)
                {
                    // Bad input closed the state machine with an ErrorMessage: send it now.
                    await session.FlushAsync().ConfigureAwait(false);
                }
            }

            session.CloseInput();
            await session.FlushAsync().ConfigureAwait(false);
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or BadHttpRequestException or ConnectionAbortedException)
        {
            session.Abort($"The request stream broke: {e.Message}");
        }
        finally
        {
            await input.CompleteAsync().ConfigureAwait(false);
        }
    }

    private static async Task<bool> WaitUntilReadyAsync(InvocationSession session)
    {
        await session.WhenReady.ConfigureAwait(false);
        lock (session.Sync)
        {
            return session.Machine.IsReadyToExecute;
        }
    }

    private static async Task RunHandlerAsync(InvocationSession session, InvocationRequest request, TimeProvider? time, ILogger logger, AttemptTelemetry? telemetry)
    {
        var machine = session.Machine;
        InputInfo input;
        try
        {
            lock (session.Sync)
            {
                input = machine.SysInput();
            }
        }
        catch (ProtocolException)
        {
            return;
        }

        telemetry?.Started(machine.Start!, input.Headers);
        var context = new InvocationContext(session, request, input, time);
        session.Attach(context);
        var handler = session.Scheduler.Start(async () =>
        {
            // Inside the async method, so the marker flows with the handler's code and not the scheduler's thread.
            context.EnterHandler();
            return await request.Invoker(new HandlerInvocation(context, input.Input, request.Services, request.Serializer));
        });

        // A suspended (or failed, or aborted) attempt never resumes the handler: its code stays where it waited.
        await Task.WhenAny(handler, session.WhenClosed).ConfigureAwait(false);
        if (!handler.IsCompleted)
        {
            return;
        }

        ValueOrFailure result;
        try
        {
            var value = await handler.ConfigureAwait(false);
            result = ValueOrFailure.Success(value);
        }
        catch (TerminalException e)
        {
            result = ValueOrFailure.Failed(new TerminalFailure(e.Code, e.Message, e.Metadata));
        }
        catch (Exception e) when (IsUnwinding(e, machine))
        {
            // Suspended, aborted, or already failed: the state machine has said all there is to say.
            return;
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Handler {Service}/{Handler} of invocation {InvocationId} failed; Restate will retry it.", request.ServiceName, request.HandlerName, input.InvocationId);
            lock (session.Sync)
            {
                machine.NotifyError(new InvocationError(ErrorCodes.Internal, e.Message, e.ToString()));
            }

            return;
        }

        try
        {
            lock (session.Sync)
            {
                machine.SysWriteOutput(result);
                machine.SysEnd();
            }
        }
        catch (Exception e) when (IsUnwinding(e, machine))
        {
            // The output could not be journaled (a replay mismatch, or the attempt is already over).
        }
    }

    private static bool IsUnwinding(Exception e, InvocationStateMachine machine) =>
        e is SuspendedException or ProtocolException || (machine.IsClosed && e is OperationCanceledException or InvalidOperationException);

    private static async Task DrainAsync(Task reading, PipeReader input, InvocationSession session, TimeProvider time)
    {
        // The runtime closes the request stream once it has read End, Suspension or Error. Returning
        // before that resets the HTTP/2 stream, which Kestrel then counts against the connection.
        // WaitAsync releases its timer as soon as reading ends; a Task.Delay would stay queued for
        // the whole timeout, one per invocation (tens of thousands under load).
        try
        {
            await reading.WaitAsync(DrainTimeout, time).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            session.Abort("The runtime did not close the request stream after the invocation ended.");
            input.CancelPendingRead();
            await reading.ConfigureAwait(false);
        }
    }

    private static void LogIfFailed(InvocationStateMachine machine, ILogger logger, InvocationRequest request)
    {
        if (machine.ClosedReason == ClosedReason.Failed && machine.ClosedError is ProtocolException { Code: not ErrorCodes.Internal } e)
        {
            logger.LogError("Invocation of {Service}/{Handler} failed with protocol error {Code}: {Message}", request.ServiceName, request.HandlerName, e.Code, e.Message);
        }
    }
}

using Restate.Sdk;
using SkAgentSession.Agents;
using SkAgentSession.Agents.Loop;
using SkAgentSession.Airline;
using SkAgentSession.Events;
using SkAgentSession.Models;

namespace SkAgentSession.Sessions;

/// <summary>
/// The body of each durable step of a turn (the whole turn, or one action of it). It streams what
/// happens to the session's event log as it happens (a new attempt id per attempt, so the log can
/// tell a retry), and stores those events before it returns. Failures a retry may fix (timeouts,
/// 429, 5xx) are rethrown so Restate retries the step; the rest become terminal at once, so a bad
/// API key does not spend the retry budget.
/// </summary>
internal static class AgentTurnStepBody
{
    /// <summary>How long the step waits, at its end, for its events to be stored; the turn's outcome does not depend on them.</summary>
    private static readonly TimeSpan EventFlushLimit = TimeSpan.FromSeconds(10);

    /// <param name="step">The step's number in the turn (1, 2, …); the first one announces the turn.</param>
    public static async Task<TurnProgress<AirlineContext>> RunAsync(
        TurnEventStream stream,
        int step,
        TurnProgress<AirlineContext> progress,
        Func<TurnEventEmitter, CancellationToken, Task<TurnProgress<AirlineContext>>> body,
        CancellationToken cancellationToken)
    {
        await using var sink = stream.Sinks.Create(stream.SessionId, stream.TurnId, step, TurnReply.Of(progress.Items));
        if (step == 1)
        {
            sink.Emit(new TurnEvent { Type = TurnEventTypes.TurnStarted, TurnId = stream.TurnId, Agent = progress.ActiveAgent });
        }

        try
        {
            return await body(TurnEventEmitter.Resume(sink, stream.TurnId, progress), cancellationToken);
        }
        catch (NonRetryableModelException failure)
        {
            throw new TerminalException($"the model refused the request ({failure.Message})", 502);
        }
        catch (AgentStepLimitExceededException failure)
        {
            throw new TerminalException(failure.Message, 502);
        }
        catch (Exception failure) when (failure is ArgumentException or InvalidDataException)
        {
            throw new TerminalException(failure.Message, 500);
        }
        finally
        {
            await FlushAsync(sink, stream);
        }
    }

    private static async Task FlushAsync(IngressTurnEventSink events, TurnEventStream stream)
    {
        using var limit = new CancellationTokenSource(EventFlushLimit);
        try
        {
            await events.FlushAsync(limit.Token);
        }
        catch (Exception failure) when (failure is OperationCanceledException or SessionEventLogException)
        {
            stream.OnFlushFailed(failure);
        }
    }
}

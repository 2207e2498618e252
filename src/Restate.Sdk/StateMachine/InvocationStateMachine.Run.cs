using Google.Protobuf;
using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;

namespace Restate.Sdk.StateMachine;

/// <summary>
/// Run transitions. A run journals <c>RunCommand</c>; its closure executes when awaited (unless the
/// replayed journal already holds its result), its outcome is proposed with
/// <c>ProposeRunCompletionMessage</c>, and the result reaches user code only with the runtime's
/// <c>RunCompletionNotification</c>.
/// </summary>
internal sealed partial class InvocationStateMachine
{
    public int SysRun(string name) => Guard(() =>
    {
        var id = _journal.NextCompletionId();
        var replayed = State == InvocationState.Replaying;
        PopOrWrite(MessageType.RunCommand, new RunCommandMessage { ResultCompletionId = id, Name = name }, name, RunCommandMessage.Parser);
        var notificationId = NotificationId.Completion(id);
        var handle = _results.CreateHandle(notificationId);

        // A replayed run whose result was never stored runs again; one with a stored result does not.
        if (!replayed || !_results.IsKnown(notificationId))
        {
            _runs.AddToExecute(handle, _journal.CurrentCommand!.Value);
        }

        return handle;
    });

    /// <summary>
    /// Forgets a run whose outcome will never be proposed (its closure was abandoned when the invocation
    /// was cancelled), so that the state machine does not wait for it before suspending.
    /// </summary>
    public void AbandonRun(int handle) => _runs.Remove(handle, out _);

    /// <summary>
    /// Proposes the outcome of an executed run closure. A retryable failure either ends the attempt
    /// with <c>ErrorMessage</c> (the runtime retries it, and the closure runs again) or, when the
    /// retry policy gives up, is proposed as a terminal failure the handler can catch.
    /// A terminal failure the negotiated version cannot carry (metadata on V5) fails the attempt instead.
    /// Ignored once the state machine is closed: the closure's outcome is then simply lost.
    /// </summary>
    public void ProposeRunCompletion(int handle, RunExitResult result, RetryPolicy? retryPolicy)
    {
        if (IsClosed)
        {
            return;
        }

        if (!_runs.Remove(handle, out var command) || !_results.TryGetId(handle, out var id))
        {
            throw new InvalidOperationException($"Handle {handle} is not a run waiting for its completion.");
        }

        if (State != InvocationState.Processing)
        {
            Fail(UnexpectedState("ProposeRunCompletion"));
            return;
        }

        var message = new ProposeRunCompletionMessage { ResultCompletionId = id.Id };
        if (result.TerminalFailure is { } terminal)
        {
            try
            {
                message.Failure = terminal.ToProto(Version);
            }
            catch (ProtocolException e)
            {
                Fail(e, command);
                return;
            }
        }
        else if (result.RetryableError is { } error)
        {
            var (attempts, elapsed) = PreviousAttempts();
            attempts++;
            elapsed += result.AttemptDuration;
            var decision = RetryDecision.Decide(retryPolicy, attempts, elapsed);
            if (decision.Retry)
            {
                var failure = new ProtocolException(error.Code, error.Message);
                WriteError(error with { RelatedCommand = command, NextRetryDelay = decision.Delay });
                Close(ClosedReason.Failed, failure);
                return;
            }

            message.Failure = new TerminalFailure(
                error.Code,
                $"Run '{command.Name}' gave up after {attempts} attempt(s): {error.Message}").ToProto(Version);
        }
        else
        {
            message.Value = UnsafeByteOperations.UnsafeWrap(result.Value);
        }

        _output.Write(MessageType.ProposeRunCompletion, message);
    }

    /// <summary>
    /// Attempts already made of the failing step. The runtime counts them only for the first new
    /// entry after the replay; for any later one this attempt is the first.
    /// </summary>
    private (uint Attempts, TimeSpan Elapsed) PreviousAttempts()
    {
        if (!_processingFirstEntry)
        {
            return (0, TimeSpan.Zero);
        }

        var start = Start!;
        var elapsed = start.RetryCountSinceLastStoredEntry == 0
            ? TimeSpan.Zero
            : TimeSpan.FromMilliseconds(start.DurationSinceLastStoredEntryMillis);
        return (start.RetryCountSinceLastStoredEntry, elapsed);
    }
}

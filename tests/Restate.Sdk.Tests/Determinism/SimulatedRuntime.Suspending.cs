using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using Restate.Sdk.Tests.StateMachine;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>
/// Request/response attempts: the input ends right after the journal, so the SDK suspends at the
/// first await it cannot complete; the runtime then completes one of the handles the suspension
/// names and starts a new attempt with the longer journal.
/// </summary>
internal sealed partial class SimulatedRuntime
{
    /// <summary>Runs request/response attempts until one ends with End.</summary>
    /// <param name="random">Chooses which named handle completes after each suspension.</param>
    public async Task<RuntimeOutcome> RunWithSuspensionsAsync(Random random)
    {
        while (true)
        {
            var journaledBefore = _journal.Count;
            var frames = new List<Frame>();
            _attemptFrames.Add(frames);
            var harness = StartAttempt(requestResponse: true);
            await harness.SendAsync([StartFrame(), .. _journal]);
            Frame terminal;
            try
            {
                terminal = await ReadAttemptAsync(harness, frames);
            }
            catch (Exception)
            {
                await harness.CloseInputAsync();
                throw;
            }

            await harness.FinishAsync();
            switch (terminal.Message)
            {
                case EndMessage:
                    return Outcome();
                case ErrorMessage error:
                    OnAttemptFailed(error);
                    break;
                case SuspensionMessage suspension:
                    _suspensions.Add(suspension);
                    ResumeAfter(suspension, journaledBefore, random);
                    break;
            }
        }
    }

    private async Task<Frame> ReadAttemptAsync(InvocationHarness harness, List<Frame> frames)
    {
        while (true)
        {
            var frame = await harness.ReadFrameAsync();
            frames.Add(frame);
            if (frame.Type is MessageType.End or MessageType.Error or MessageType.Suspension)
            {
                return frame;
            }

            OnSdkFrame(frame);

            // Restate stores a proposed run result at once, whether or not the attempt goes on.
            if (frame.Message is ProposeRunCompletionMessage)
            {
                AppendOwed([_owed[^1]]);
            }
        }
    }

    private void ResumeAfter(SuspensionMessage suspension, int journaledBefore, Random random)
    {
        var named = suspension.WaitingCompletions.Select(NotificationKey.Completion)
            .Concat(suspension.WaitingSignals.Where(id => id != 1).Select(NotificationKey.Signal))
            .ToArray();
        if (suspension.WaitingNamedSignals.Count > 0)
        {
            throw DeterminismViolation.With($"The SDK waits for named signals nobody sends: {suspension}", _journal);
        }

        var completedBefore = _journal.Take(journaledBefore).Where(f => f.Type.IsNotification()).Select(NotificationKey.Of).ToHashSet();
        var stale = named.Where(completedBefore.Contains).ToArray();
        if (stale.Length > 0)
        {
            throw DeterminismViolation.With($"The SDK suspended waiting for {string.Join(", ", stale)}, which the replayed journal already completes: {suspension}", _journal);
        }

        var completedNow = _journal.Skip(journaledBefore).Where(f => f.Type.IsNotification()).Select(NotificationKey.Of);
        if (named.Intersect(completedNow).Any())
        {
            return;
        }

        var completable = named.Where(CanComplete).ToArray();
        if (completable.Length == 0)
        {
            throw DeterminismViolation.With(
                $"The SDK suspended waiting only for handles the runtime cannot complete: {suspension} (owed: {string.Join(", ", _owed)})",
                _journal);
        }

        Complete(completable[random.Next(completable.Length)]);
    }

    private bool CanComplete(NotificationKey key) =>
        _owed.Any(f => NotificationKey.Of(f) == key) || CallIdBefore(key) is not null;

    /// <summary>Appends the notification for <paramref name="key"/>, after the call's invocation id if that is still owed.</summary>
    private void Complete(NotificationKey key)
    {
        if (CallIdBefore(key) is { } invocationId)
        {
            AppendOwed([invocationId]);
        }

        AppendOwed([_owed.First(f => NotificationKey.Of(f) == key)]);
    }

    /// <summary>The owed invocation id notification of the call whose result is <paramref name="key"/>.</summary>
    private Frame? CallIdBefore(NotificationKey key)
    {
        var idCompletion = _callResults.FirstOrDefault(c => NotificationKey.Of(c.Value) == key).Key;
        return _owed.FirstOrDefault(f => !key.IsSignal && idCompletion != 0 && NotificationKey.Of(f) == NotificationKey.Completion(idCompletion));
    }
}

using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using Restate.Sdk.Tests.StateMachine;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>
/// Live attempts over a bidi stream: notifications go to the SDK while it runs, whenever the
/// delivery policy says so.
/// </summary>
internal sealed partial class SimulatedRuntime
{
    /// <summary>
    /// How long the SDK must stay silent to count as waiting for a notification. The policy's choices
    /// are the same for a seed as long as the SDK answers each notification within this time; a slower
    /// answer only moves a delivery earlier, which is still a valid interleaving.
    /// </summary>
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(5);

    /// <summary>How long the SDK may stay silent while the policy has nothing it may deliver.</summary>
    private static readonly TimeSpan StallLimit = TimeSpan.FromSeconds(3);

    /// <summary>Runs attempts over bidi streams until one ends with End.</summary>
    public async Task<RuntimeOutcome> RunLiveAsync(IDeliveryPolicy policy)
    {
        while (true)
        {
            var error = await RunLiveAttemptAsync(policy);
            if (error is null)
            {
                return Outcome();
            }

            // Proposals not yet journaled are lost with the attempt (as when the runtime fails over):
            // the next attempt runs those closures again. Appending them here instead would put
            // them out of the order a JournalOrderPolicy must keep.
            _owed.RemoveAll(f => f.Type == MessageType.RunCompletionNotification);
            OnAttemptFailed(error);
        }
    }

    /// <returns>null when the attempt ended with End; the error when it failed.</returns>
    private async Task<ErrorMessage?> RunLiveAttemptAsync(IDeliveryPolicy policy)
    {
        var frames = new List<Frame>();
        _attemptFrames.Add(frames);
        var harness = StartAttempt(requestResponse: false);
        try
        {
            return await DriveLiveAttemptAsync(harness, policy, frames);
        }
        catch (Exception)
        {
            // Ends the input, so that the abandoned attempt does not wait for it forever.
            await harness.CloseInputAsync();
            throw;
        }
    }

    private async Task<ErrorMessage?> DriveLiveAttemptAsync(InvocationHarness harness, IDeliveryPolicy policy, List<Frame> frames)
    {
        await harness.SendAsync([StartFrame(), .. _journal]);
        Task<Frame>? next = null;
        var quietSince = DateTime.UtcNow;
        while (true)
        {
            next ??= harness.ReadFrameAsync();
            if (!next.IsCompleted && _owed.Count > 0 && await Task.WhenAny(next, Task.Delay(QuietPeriod)) != next)
            {
                var deliveries = policy.WhenQuiet(_owed);
                if (deliveries.Count > 0)
                {
                    await DeliverAsync(harness, deliveries);
                    quietSince = DateTime.UtcNow;
                }
                else if (DateTime.UtcNow - quietSince > StallLimit)
                {
                    throw DeterminismViolation.With(
                        $"The SDK is silent, and the delivery policy may deliver none of {string.Join(", ", _owed)} "
                        + $"(it waits for {(policy as JournalOrderPolicy)?.Next}).",
                        _journal);
                }

                continue;
            }

            var frame = await next;
            next = null;
            quietSince = DateTime.UtcNow;
            frames.Add(frame);
            switch (frame.Type)
            {
                case MessageType.End:
                    await harness.FinishAsync();
                    return null;
                case MessageType.Error:
                    await harness.FinishAsync();
                    return (ErrorMessage)frame.Message;
                case MessageType.Suspension:
                    throw DeterminismViolation.With($"The SDK suspended although the input is still open: {frame}", _journal);
                default:
                    OnSdkFrame(frame);
                    await DeliverAsync(harness, policy.AfterFrame(_owed));
                    break;
            }
        }
    }

    private async Task DeliverAsync(InvocationHarness harness, IReadOnlyList<Frame> notifications)
    {
        if (notifications.Count == 0)
        {
            return;
        }

        AppendOwed(notifications);
        await harness.SendAsync([.. notifications]);
    }
}

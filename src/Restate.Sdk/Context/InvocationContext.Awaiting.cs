using Restate.Sdk.Protocol;
using Restate.Sdk.StateMachine;

namespace Restate.Sdk;

/// <summary>
/// Awaiting durable futures: the loop that asks the state machine for progress, takes results,
/// starts run closures, sends the output at each await point, and otherwise waits for input.
/// </summary>
internal sealed partial class InvocationContext
{
    private long _resolutionOrder;

    /// <summary>Waits until <paramref name="future"/> is resolved; its value is then read from it.</summary>
    internal async Task AwaitAsync(DurableFutureNode future)
    {
        EnsureNotInsideRun();
        var pending = new List<NotificationLeaf>();
        var handles = new List<int>();
        while (true)
        {
            Task? waitForProgress = null;
            Exception? failure = null;
            var runToStart = 0;
            var harvested = false;
            lock (Sync)
            {
                pending.Clear();
                future.CollectPendingLeaves(pending);
                harvested = Harvest(pending);
                if (future.IsResolved)
                {
                    pending.Clear();
                }
                else
                {
                    handles.Clear();
                    foreach (var leaf in pending)
                    {
                        if (!leaf.IsResolved)
                        {
                            handles.Add(leaf.Handle);
                        }
                    }

                    try
                    {
                        var progress = Machine.DoProgress(handles);
                        switch (progress.Kind)
                        {
                            case ProgressKind.AnyCompleted:
                                break;
                            case ProgressKind.ExecuteRun:
                                runToStart = progress.RunHandle;
                                break;
                            case ProgressKind.ReadFromInput:
                            case ProgressKind.WaitPendingRun:
                                waitForProgress = _session.Progress.Task;
                                break;
                            case ProgressKind.Suspended:
                                failure = new SuspendedException();
                                break;
                            default:
                                failure = new TerminalException("cancelled", ErrorCodes.Cancelled);
                                break;
                        }
                    }
                    catch (Exception e) when (e is ProtocolException or SuspendedException or OperationCanceledException)
                    {
                        failure = e;
                    }
                }
            }

            if (harvested)
            {
                _session.Progress.Pulse();
            }

            if (future.IsResolved && failure is null)
            {
                return;
            }

            if (runToStart != 0 || waitForProgress is not null || failure is not null)
            {
                // An await point: whatever the code produced so far goes out in one write.
                await _session.FlushAsync().ConfigureAwait(false);
            }

            if (failure is not null)
            {
                throw failure;
            }

            if (runToStart != 0)
            {
                StartRun(runToStart);
            }
            else if (waitForProgress is not null)
            {
                await waitForProgress.ConfigureAwait(false);
            }
        }
    }

    /// <summary>Takes the results of completed leaves. Call under the lock.</summary>
    private bool Harvest(List<NotificationLeaf> leaves)
    {
        var any = false;
        foreach (var leaf in leaves)
        {
            if (!leaf.IsResolved && Machine.IsCompleted(leaf.Handle) && Machine.TakeNotification(leaf.Handle) is { } result)
            {
                leaf.Resolve(result, ++_resolutionOrder);
                any = true;
            }
        }

        return any;
    }

    /// <summary>
    /// A leaf whose result may already be there (an eager state read): resolved at once when it is,
    /// so that reading state stays synchronous.
    /// </summary>
    private NotificationLeaf LeafFor(int handle)
    {
        var leaf = new NotificationLeaf(handle);
        if (Machine.IsCompleted(handle) && Machine.TakeNotification(handle) is { } result)
        {
            leaf.Resolve(result, ++_resolutionOrder);
        }

        return leaf;
    }
}

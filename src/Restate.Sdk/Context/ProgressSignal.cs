namespace Restate.Sdk;

/// <summary>
/// Wakes every waiter when something that may unblock an await happened (input arrived, a run
/// proposed its result, a result was taken, the invocation closed). Waiters take <see cref="Task"/>
/// under the same lock under which they checked their condition, so no wake-up is lost.
/// </summary>
internal sealed class ProgressSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Task Task => Volatile.Read(ref _next).Task;

    public void Pulse()
    {
        var fresh = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Interlocked.Exchange(ref _next, fresh).TrySetResult();
    }
}

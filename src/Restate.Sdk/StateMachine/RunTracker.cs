namespace Restate.Sdk.StateMachine;

/// <summary>
/// The run closures of this attempt that still have to execute, or are executing, by handle.
/// A run leaves the tracker once its completion has been proposed.
/// </summary>
internal sealed class RunTracker
{
    private readonly Dictionary<int, RunInfo> _runs = [];

    public void AddToExecute(int handle, CommandRef command) => _runs[handle] = new RunInfo(command);

    public bool TryGet(int handle, out CommandRef command)
    {
        if (_runs.TryGetValue(handle, out var run))
        {
            command = run.Command;
            return true;
        }

        command = default;
        return false;
    }

    /// <summary>Picks one awaited run that has not started, and marks it executing.</summary>
    public int? TryStartOne(IReadOnlyList<int> awaited)
    {
        foreach (var handle in awaited)
        {
            if (_runs.TryGetValue(handle, out var run) && !run.Executing)
            {
                run.Executing = true;
                return handle;
            }
        }

        return null;
    }

    public bool AnyExecuting()
    {
        foreach (var run in _runs.Values)
        {
            if (run.Executing)
            {
                return true;
            }
        }

        return false;
    }

    public bool Remove(int handle, out CommandRef command)
    {
        if (_runs.Remove(handle, out var run))
        {
            command = run.Command;
            return true;
        }

        command = default;
        return false;
    }

    private sealed class RunInfo(CommandRef command)
    {
        public CommandRef Command { get; } = command;

        public bool Executing { get; set; }
    }
}

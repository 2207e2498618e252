namespace Restate.Sdk;

/// <summary>Options of one handler; set values override the service's.</summary>
public sealed class HandlerOptions : InvocationOptions
{
    /// <summary>
    /// How long a finished workflow keeps its result and state. Only for a workflow's run handler.
    /// </summary>
    public TimeSpan? WorkflowCompletionRetention { get; set; }
}

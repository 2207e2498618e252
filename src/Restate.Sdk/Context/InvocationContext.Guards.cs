namespace Restate.Sdk;

/// <summary>
/// The checks every context operation makes: where it is called from. Misuse that would make a
/// replay diverge is refused with an error that says what to do instead.
/// </summary>
internal sealed partial class InvocationContext
{
    // Flow with the execution context: set for a run closure's execution, and for the handler's. They hold a
    // small marker, not the context: an execution context captured by a pooled object must not keep an
    // invocation alive.
    private static readonly AsyncLocal<Marker?> RunningClosureOf = new();
    private static readonly AsyncLocal<Marker?> HandlerOf = new();

    private Marker? _marker;

    private Marker Self => _marker ??= new Marker(InvocationId);

    /// <summary>Marks the current execution context as this invocation's handler; call as the handler starts.</summary>
    internal void EnterHandler() => HandlerOf.Value = Self;

    private void EnsureUsable()
    {
        EnsureNotInsideRun();
        if (HandlerOf.Value is { } running && running != Self)
        {
            throw new InvalidOperationException(
                $"The Restate context of invocation {InvocationId} is used from the handler of invocation {running.InvocationId}. "
                + "A context belongs to its own invocation: use the context passed to the handler that is running.");
        }
    }

    private void EnsureNotInsideRun()
    {
        if (RunningClosureOf.Value == Self)
        {
            throw new InvalidOperationException(
                "The Restate context cannot be used inside a Run closure: the closure is a single side effect "
                + "whose result is journaled. Call the context before or after the Run instead.");
        }
    }

    /// <summary>Random values drawn inside a run would shift every later value on replay, where the run does not execute.</summary>
    private void EnsureRandomAllowed()
    {
        if (RunningClosureOf.Value == Self)
        {
            throw new InvalidOperationException(
                "ctx.Random cannot be used inside a Run closure: a replay skips the closure, so every later random value "
                + "would differ. Draw the value before the Run and pass it in, or use System.Random inside the closure.");
        }
    }

    // A class, compared by reference: two attempts (or two invocations in a test) may share an invocation id.
    private sealed class Marker(string invocationId)
    {
        public string InvocationId { get; } = invocationId;
    }
}

namespace SkAgentSession.Events;

/// <summary>
/// Where a running turn reports what happens in it, as it happens. <see cref="Emit"/> must not block
/// (an implementation buffers and sends in the background); <see cref="FlushAsync"/> waits until
/// everything emitted so far is stored.
/// </summary>
public interface ITurnEventSink
{
    void Emit(TurnEvent turnEvent);

    Task FlushAsync(CancellationToken cancellationToken);
}

/// <summary>A sink that drops every event: a turn that nobody watches.</summary>
public sealed class NullTurnEventSink : ITurnEventSink
{
    public static NullTurnEventSink Instance { get; } = new();

    public void Emit(TurnEvent turnEvent)
    {
    }

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

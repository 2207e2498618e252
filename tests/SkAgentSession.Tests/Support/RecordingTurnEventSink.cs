using System.Collections.Concurrent;
using SkAgentSession.Events;

namespace SkAgentSession.Tests.Support;

/// <summary>Keeps every event a turn emits, in order, and can act on each as it arrives.</summary>
internal sealed class RecordingTurnEventSink(Action<TurnEvent>? onEmit = null) : ITurnEventSink
{
    private readonly ConcurrentQueue<TurnEvent> _events = new();

    public IReadOnlyList<TurnEvent> Events => [.. _events];

    public string Deltas => string.Concat(Events.Where(e => e.Type == TurnEventTypes.TextDelta).Select(e => e.Text));

    /// <summary>The event types in order, runs of text deltas shown once.</summary>
    public IReadOnlyList<string> Outline()
    {
        var outline = new List<string>();
        foreach (var e in Events)
        {
            var entry = e.Type switch
            {
                TurnEventTypes.ModelRequest => $"model.request {e.Attempt} {e.Agent}",
                TurnEventTypes.ToolCall => $"tool.call {e.Name}",
                TurnEventTypes.ToolResult => $"tool.result {e.Name}",
                TurnEventTypes.Handoff => $"handoff {e.Agent} -> {e.To}",
                _ => e.Type,
            };
            if (outline.Count == 0 || outline[^1] != entry || entry != TurnEventTypes.TextDelta)
            {
                outline.Add(entry);
            }
        }

        return outline;
    }

    public void Emit(TurnEvent turnEvent)
    {
        _events.Enqueue(turnEvent);
        onEmit?.Invoke(turnEvent);
    }

    public Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

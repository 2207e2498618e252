namespace SkAgentSession.Events;

/// <summary>Makes the sink of one turn attempt (call it inside the turn's durable step, once per attempt).</summary>
public interface ITurnEventSinkFactory
{
    /// <summary>
    /// A sink with a new attempt id, storing into the session's event log; <paramref name="step"/>
    /// numbers the turn's durable step (1, 2, …), and <paramref name="textBefore"/> is the text the
    /// steps before it streamed (see <see cref="AppendEvents.TextBefore"/>).
    /// </summary>
    IngressTurnEventSink Create(string sessionId, string turnId, int step = 1, string? textBefore = null);
}

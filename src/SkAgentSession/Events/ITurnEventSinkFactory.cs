namespace SkAgentSession.Events;

/// <summary>Makes the sink of one turn attempt (call it inside the turn's durable step, once per attempt).</summary>
public interface ITurnEventSinkFactory
{
    /// <summary>A sink with a new attempt id, storing into the session's event log; <paramref name="step"/> numbers the turn's durable step (1, 2, …).</summary>
    IngressTurnEventSink Create(string sessionId, string turnId, int step = 1);
}

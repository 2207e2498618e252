using System.Text;
using Microsoft.SemanticKernel;
using SkAgentSession.Events;

namespace SkAgentSession.Agents;

/// <summary>
/// Reports what happens in one turn to its <see cref="ITurnEventSink"/>, keeping what the events
/// have said so far: the request numbers announced, the text of the model response being streamed
/// (for the <see cref="TurnReply"/> separators) and the tool calls and results already reported.
/// </summary>
internal sealed class TurnEventEmitter
{
    private readonly ITurnEventSink _sink;
    private readonly string _turnId;
    private readonly StringBuilder _messageText = new();
    private readonly HashSet<string> _reportedCalls = new(StringComparer.Ordinal);
    private readonly HashSet<string> _reportedResults = new(StringComparer.Ordinal);
    private bool _turnHasText;
    private int _requestsAnnounced;

    public TurnEventEmitter(ITurnEventSink sink, string turnId)
    {
        ArgumentNullException.ThrowIfNull(sink);
        ArgumentException.ThrowIfNullOrEmpty(turnId);
        _sink = sink;
        _turnId = turnId;
    }

    public static TurnEventEmitter Unobserved() => new(NullTurnEventSink.Instance, "turn");

    /// <summary>An emitter that goes on where the events of <paramref name="progress"/> left off (for a turn split into steps).</summary>
    public static TurnEventEmitter Resume<TContext>(ITurnEventSink sink, string turnId, Loop.TurnProgress<TContext> progress)
        where TContext : class
    {
        ArgumentNullException.ThrowIfNull(progress);
        return new TurnEventEmitter(sink, turnId)
        {
            _requestsAnnounced = progress.Requests,
            _turnHasText = TurnReply.Of(progress.Items).Length > 0,
        };
    }

    /// <summary>
    /// Announces the turn's request <paramref name="number"/> (1-based) once, and starts a new
    /// model response; announcing a number already announced does nothing.
    /// </summary>
    public void ModelRequest(string agent, int number)
    {
        if (number <= _requestsAnnounced)
        {
            return;
        }

        _requestsAnnounced = number;
        _messageText.Clear();
        Emit(new TurnEvent { Type = TurnEventTypes.ModelRequest, TurnId = _turnId, Agent = agent, Attempt = number });
    }

    /// <summary>The next piece of the current response's text; the separator goes first when an earlier response had text.</summary>
    public void TextDelta(string agent, string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        if (_messageText.Length == 0 && _turnHasText)
        {
            Emit(new TurnEvent { Type = TurnEventTypes.TextDelta, TurnId = _turnId, Agent = agent, Text = TurnReply.MessageSeparator });
        }

        _messageText.Append(text);
        _turnHasText = true;
        Emit(new TurnEvent { Type = TurnEventTypes.TextDelta, TurnId = _turnId, Agent = agent, Text = text });
    }

    /// <summary>
    /// The current response's whole text is known: sends what was not streamed yet (all of it
    /// when the model call did not stream, nothing when it did).
    /// </summary>
    public void CompleteMessage(string agent, string? text)
    {
        var sent = _messageText.ToString();
        if (text is not null && text.StartsWith(sent, StringComparison.Ordinal))
        {
            TextDelta(agent, text[sent.Length..]);
        }
    }

    public void ToolCall(string agent, string callId, string name, string arguments)
    {
        if (_reportedCalls.Add(callId))
        {
            Emit(new TurnEvent { Type = TurnEventTypes.ToolCall, TurnId = _turnId, Agent = agent, CallId = callId, Name = name, Arguments = arguments });
        }
    }

    public void ToolResult(string agent, string callId, string name, string result)
    {
        if (_reportedResults.Add(callId))
        {
            Emit(new TurnEvent { Type = TurnEventTypes.ToolResult, TurnId = _turnId, Agent = agent, CallId = callId, Name = name, Result = result });
        }
    }

    /// <summary>The handoff call and its result are the handoff; they are not reported as a tool call.</summary>
    public void Handoff(string from, string to, string callId)
    {
        _reportedCalls.Add(callId);
        _reportedResults.Add(callId);
        Emit(new TurnEvent { Type = TurnEventTypes.Handoff, TurnId = _turnId, Agent = from, To = to });
    }

    private void Emit(TurnEvent turnEvent) => _sink.Emit(turnEvent);
}

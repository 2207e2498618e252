namespace SkAgentSession.FaultInjection;

/// <summary>What <see cref="HistoryAudit"/> found wrong in one session's history (all zero when it is right).</summary>
internal sealed class SessionAudit(string sessionId)
{
    private const int MaxNotes = 5;
    private readonly List<string> _notes = [];

    public string SessionId => sessionId;

    /// <summary>Extra copies of acknowledged messages.</summary>
    public int Duplicated { get; set; }

    /// <summary>Acknowledged messages missing from the history.</summary>
    public int Lost { get; set; }

    /// <summary>User messages in the history that the client never sent.</summary>
    public int Unexpected { get; set; }

    public bool OutOfOrder { get; set; }

    /// <summary>Acknowledged messages not followed by an assistant reply.</summary>
    public int MissingReplies { get; set; }

    /// <summary>Turns whose stored items differ from the items (and reply) their 200 returned.</summary>
    public int MismatchedTurns { get; set; }

    public IReadOnlyList<string> Notes => _notes;

    public void Note(string problem)
    {
        if (_notes.Count < MaxNotes)
        {
            _notes.Add(problem);
        }
    }
}

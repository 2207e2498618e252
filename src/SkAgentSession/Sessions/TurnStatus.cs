using Restate.Sdk;

namespace SkAgentSession.Sessions;

/// <summary>How a turn that did not end with a reply is reported to the caller.</summary>
internal static class TurnStatus
{
    /// <summary>The code of a Restate cancellation, as the handler sees it at its await.</summary>
    public const int CancelledCode = 409;

    public static TerminalException Stopped() =>
        new("The turn was stopped before it finished; nothing of it was stored. Your message is kept in the history.", CancelledCode);
}

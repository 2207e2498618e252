namespace SkAgentSession.Models.Scripted;

/// <summary>
/// One Server-Sent Event of a streamed answer: its <c>data:</c> text, and whether it carries a token
/// (the model pauses before those; see <see cref="ScriptedModelOptions.TokenDelayMs"/>).
/// </summary>
internal sealed record ScriptedStreamEvent(string Data, bool IsToken)
{
    public static ScriptedStreamEvent Done { get; } = new("[DONE]", IsToken: false);
}

namespace SkAgentSession.Models.Scripted;

/// <summary>What the scripted model answers: text, or one function call.</summary>
internal sealed record ScriptedReply(string? Text, string? FunctionName, IReadOnlyDictionary<string, string>? Arguments)
{
    public static ScriptedReply Say(string text) => new(text, null, null);

    public static ScriptedReply Call(string functionName, IReadOnlyDictionary<string, string>? arguments = null) =>
        new(null, functionName, arguments ?? new Dictionary<string, string>());
}

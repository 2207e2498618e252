using OpenAI.Chat;

namespace SkAgentSession.Telemetry;

/// <summary>The tokens one model response used, as the OpenAI connector reports them in its metadata ("Usage").</summary>
internal readonly record struct ModelUsage(long InputTokens, long OutputTokens)
{
    /// <summary>The usage in a response's (or a streamed update's) metadata; streams carry it in their last update only, and only when the server sends it.</summary>
    public static ModelUsage? From(IReadOnlyDictionary<string, object?>? metadata) =>
        metadata is not null && metadata.TryGetValue("Usage", out var value) && value is ChatTokenUsage usage
            ? new ModelUsage(usage.InputTokenCount, usage.OutputTokenCount)
            : null;
}

namespace SkAgentSession.Models;

/// <summary>Which chat model backs the agents (configuration <c>Model:Provider</c>).</summary>
public enum ModelProvider
{
    /// <summary>OpenAI (or a compatible server) when OPENAI_API_KEY or OPENAI_BASE_URL is set, otherwise the scripted model.</summary>
    Auto,

    /// <summary>OpenAI or an OpenAI-compatible server; fails at startup without a key or base URL.</summary>
    OpenAI,

    /// <summary>The built-in scripted demo model, whatever else is configured.</summary>
    Scripted,
}

namespace SkAgentSession.Models.Scripted;

/// <summary>Settings of the scripted demo model (configuration section <c>ScriptedModel</c>).</summary>
public sealed class ScriptedModelOptions
{
    public const string SectionName = "ScriptedModel";
    public const string CallLogEnvironmentVariable = "SKAS_SCRIPTED_MODEL_CALL_LOG";

    /// <summary>
    /// Test hook: file that gets one JSON line per model request (see <c>ScriptedModelCallLog</c>);
    /// null for none. Env <c>SKAS_SCRIPTED_MODEL_CALL_LOG</c> sets it too.
    /// </summary>
    public string? CallLogPath { get; set; }

    /// <summary>
    /// Pause before each streamed token (a word of the reply, a piece of tool-call arguments), so a
    /// streaming client sees the answer arrive the way a real model sends it. 0 streams at once.
    /// </summary>
    public int TokenDelayMs { get; set; } = 15;

    /// <summary>
    /// Test hook switch: when on, the fault markers in a message (<c>#model-fail:…</c>,
    /// <c>#model-slow:…</c>, see <c>ScriptedFaults</c>) are obeyed. Off by default, so in the demo
    /// a message that happens to contain one is just text. The tests turn it on.
    /// </summary>
    public bool TestHooks { get; set; }
}

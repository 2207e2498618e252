using System.Text.Encodings.Web;
using System.Text.Json;
using Microsoft.SemanticKernel;

namespace SkAgentSession.Agents;

/// <summary>
/// The text Semantic Kernel's automatic function calling sends the model as a function's result
/// (and so the text a stored tool result holds), known while the function's filter still runs.
/// </summary>
internal static class FunctionResultText
{
    private static readonly JsonSerializerOptions RelaxedJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static string Of(FunctionResult result) => result.GetValue<object>() switch
    {
        null => string.Empty,
        string text => text,
        ChatMessageContent message => message.ToString(),
        var value => JsonSerializer.Serialize(value, RelaxedJson),
    };

    /// <summary>What the model is told when the function threw.</summary>
    public static string Failed(Exception exception) => $"Error: Exception while invoking function. {exception.Message}";
}

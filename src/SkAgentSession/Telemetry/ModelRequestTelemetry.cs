using System.Diagnostics;

namespace SkAgentSession.Telemetry;

/// <summary>
/// The app's span and metrics of one model request: Semantic Kernel's GenAI span nests under the
/// span, which also carries the token usage when the model reported it.
/// </summary>
internal static class ModelRequestTelemetry
{
    public static Activity? Start(string agent, int number)
    {
        var activity = AppTelemetry.Source.StartActivity("model request", ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag("gen_ai.agent.name", agent);
            activity.SetTag("skagentsession.model_request.number", number);
        }

        return activity;
    }

    public static void Succeeded(Activity? activity, string agent, ModelUsage? usage)
    {
        AppTelemetry.ModelRequests.Add(1, new("gen_ai.agent.name", agent), new("outcome", "ok"));
        if (usage is { } tokens)
        {
            AppTelemetry.Tokens.Add(tokens.InputTokens, new KeyValuePair<string, object?>("gen_ai.token.type", "input"));
            AppTelemetry.Tokens.Add(tokens.OutputTokens, new KeyValuePair<string, object?>("gen_ai.token.type", "output"));
            activity?.SetTag("gen_ai.usage.input_tokens", tokens.InputTokens);
            activity?.SetTag("gen_ai.usage.output_tokens", tokens.OutputTokens);
        }

        activity?.Stop();
    }

    public static void Failed(Activity? activity, string agent, Exception error)
    {
        AppTelemetry.ModelRequests.Add(1, new("gen_ai.agent.name", agent), new("outcome", "error"));
        if (activity is not null)
        {
            activity.SetTag("error.type", error.GetType().FullName);
            activity.SetStatus(ActivityStatusCode.Error, error.GetType().Name);
            activity.Stop();
        }
    }
}

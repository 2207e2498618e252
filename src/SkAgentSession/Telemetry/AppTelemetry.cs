using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SkAgentSession.Telemetry;

/// <summary>The app's own <see cref="ActivitySource"/> and <see cref="Meter"/> (both "SkAgentSession") and its instruments.</summary>
public static class AppTelemetry
{
    public const string Name = "SkAgentSession";

    internal static readonly ActivitySource Source = new(Name);

    internal static readonly Meter Meter = new(Name);

    internal static readonly Counter<long> Turns = Meter.CreateCounter<long>(
        "skagentsession.turns", "{turn}", "Chat turns that ended, by outcome (completed, cancelled, failed).");

    internal static readonly Histogram<double> TurnDuration = Meter.CreateHistogram<double>(
        "skagentsession.turn.duration", "s", "How long a chat turn took, from the user's message to its end (across attempts and approval waits).");

    internal static readonly Counter<long> ModelRequests = Meter.CreateCounter<long>(
        "skagentsession.model.requests", "{request}", "Model requests the agents made, by agent and outcome.");

    internal static readonly Counter<long> Tokens = Meter.CreateCounter<long>(
        "skagentsession.model.tokens", "{token}", "Tokens the model reported using, by gen_ai.token.type (input, output).");
}

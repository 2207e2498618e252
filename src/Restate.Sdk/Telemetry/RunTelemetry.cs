using System.Diagnostics;

namespace Restate.Sdk.Telemetry;

/// <summary>
/// The span of a <c>Run</c> step whose closure executes. A step whose result comes from the
/// journal never executes its closure, so a replay emits no span for it.
/// </summary>
internal static class RunTelemetry
{
    /// <summary>Starts the step's span as the current activity (the closure's own spans nest under it), or null when nobody listens.</summary>
    public static Activity? Start(string name)
    {
        var activity = RestateTelemetry.Source.StartActivity(name.Length == 0 ? "run" : name, ActivityKind.Internal);
        activity?.SetTag(TelemetryNames.RunName, name);
        return activity;
    }

    public static void Succeeded(Activity? activity) => activity?.Stop();

    public static void Failed(Activity? activity, Exception error, bool terminal)
    {
        if (activity is null)
        {
            return;
        }

        activity.SetTag(TelemetryNames.ErrorType, error.GetType().FullName);
        activity.SetTag(TelemetryNames.RunTerminal, terminal);
        activity.SetStatus(ActivityStatusCode.Error, error.Message);
        activity.Stop();
    }
}

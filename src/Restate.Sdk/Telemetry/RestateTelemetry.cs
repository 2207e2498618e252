using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Restate.Sdk.Telemetry;

/// <summary>The SDK's one <see cref="ActivitySource"/> and one <see cref="Meter"/>.</summary>
internal static class RestateTelemetry
{
    public static readonly ActivitySource Source = new(RestateDiagnostics.ActivitySourceName, SdkInfo.Version);

    public static readonly Meter Meter = new(RestateDiagnostics.MeterName, SdkInfo.Version);
}

namespace Restate.Sdk.Tests.Telemetry;

/// <summary>
/// The tests that add process-wide listeners to the SDK's source and meter run one at a time, so
/// a test can also check what happens when nobody listens.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryListeners
{
    public const string Name = "Telemetry listeners";
}

namespace SkAgentSession.FaultInjection;

/// <summary>The Restate the run talks to, and the one fault it suffers.</summary>
internal interface IRestateUnderTest : IAsyncDisposable
{
    string Description { get; }

    /// <summary>Where the service instances connect; instance <c>i</c> uses entry <c>i % Count</c>.</summary>
    IReadOnlyList<RestateAccessPoint> AccessPoints { get; }

    /// <summary>The server processes, to measure their CPU time (empty when not known).</summary>
    IReadOnlyList<int> ProcessIds { get; }

    /// <summary>Whether <see cref="InjectFaultAsync"/> does anything.</summary>
    bool CanInjectFault { get; }

    /// <summary>Breaks Restate once (and brings it back where that applies); returns what was done.</summary>
    Task<FaultEvent> InjectFaultAsync(Random random, TimeSpan at, int turnsInFlight);
}

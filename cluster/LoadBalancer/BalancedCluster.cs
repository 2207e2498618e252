using System.Globalization;
using System.Net;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Health;
using Yarp.ReverseProxy.LoadBalancing;

namespace SkAgentSession.LoadBalancer;

/// <summary>
/// One YARP route that sends every request on its listener to one of the replicas, picked per request (per HTTP/2
/// stream, not per connection) among the replicas the health checks have not taken out: of two drawn at random, the
/// one with fewer requests in flight. An invocation stream stays open for its whole turn, so this balances the turns
/// running on each replica, not only the arrivals.
/// </summary>
internal static class BalancedCluster
{
    private const string ClusterId = "replicas";

    public static RouteConfig Route() => new()
    {
        RouteId = "all",
        ClusterId = ClusterId,
        Match = new RouteMatch { Path = "/{**anything}" },
    };

    /// <param name="destinations">The replicas, named <c>replica-1</c>, <c>replica-2</c>, … in this order.</param>
    /// <param name="http2Only">
    /// Speak cleartext HTTP/2 with prior knowledge to the replicas (the Restate endpoint: one invocation is one
    /// full-duplex stream); otherwise whatever the client spoke, as HTTP/1.1 (there is no TLS to negotiate more).
    /// </param>
    public static ClusterConfig Cluster(IReadOnlyList<Uri> destinations, bool http2Only, string healthPath, BalancerOptions options) => new()
    {
        ClusterId = ClusterId,
        LoadBalancingPolicy = LoadBalancingPolicies.PowerOfTwoChoices,
        Destinations = destinations
            .Select((uri, i) => (Name: $"replica-{i + 1}", Config: new DestinationConfig { Address = uri.ToString() }))
            .ToDictionary(d => d.Name, d => d.Config),
        HttpRequest = new ForwarderRequestConfig
        {
            Version = http2Only ? HttpVersion.Version20 : HttpVersion.Version11,
            VersionPolicy = http2Only ? HttpVersionPolicy.RequestVersionExact : HttpVersionPolicy.RequestVersionOrLower,
            ActivityTimeout = options.IdleTimeout,
        },
        HttpClient = new HttpClientConfig { EnableMultipleHttp2Connections = true },
        HealthCheck = new HealthCheckConfig
        {
            // A replica that stops answering its probes is out within ProbeFailuresToEject x ProbeInterval; one whose
            // requests fail at the transport level (refused, reset) at over 30% of at least 10 in a minute is out at once.
            Active = new ActiveHealthCheckConfig
            {
                Enabled = true,
                Interval = options.ProbeInterval,
                Timeout = options.ProbeTimeout,
                Policy = HealthCheckConstants.ActivePolicy.ConsecutiveFailures,
                Path = healthPath,
            },
            Passive = new PassiveHealthCheckConfig
            {
                Enabled = true,
                Policy = HealthCheckConstants.PassivePolicy.TransportFailureRate,
                ReactivationPeriod = TimeSpan.FromSeconds(10),
            },

            // Should every replica look unhealthy at once (probes starved of CPU), keep sending rather than refuse all.
            AvailableDestinationsPolicy = HealthCheckConstants.AvailableDestinations.HealthyOrPanic,
        },
        Metadata = new Dictionary<string, string>
        {
            [ConsecutiveFailuresHealthPolicyOptions.ThresholdMetadataName] = options.ProbeFailuresToEject.ToString(CultureInfo.InvariantCulture),
            [TransportFailureRateHealthPolicyOptions.FailureRateLimitMetadataName] = "0.3",
        },
    };
}

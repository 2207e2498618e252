namespace SkAgentSession.FaultInjection;

/// <summary>A load balancer in front of the replicas: Restate's one deployment URL, and the API's one URL.</summary>
internal interface ILoadBalancer : IAsyncDisposable
{
    /// <summary>What Restate calls (h2c): the deployment's URL.</summary>
    Uri EndpointUrl { get; }

    /// <summary>The UI and API of whichever replica the balancer picks.</summary>
    Uri ApiUrl { get; }

    int? ProcessId { get; }

    string Description { get; }

    Task StartAsync(IEnumerable<Uri> endpointDestinations, IEnumerable<Uri> apiDestinations);
}

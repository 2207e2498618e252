using System.Net;
using Restate.Sdk.Clients;

namespace SkAgentSession.FaultInjection;

/// <summary>
/// Registers the load balancer's URL as the service's one deployment (the replicas register nothing themselves), and
/// with request identity on, checks that an unsigned request through the balancer is refused.
/// </summary>
internal static class BalancedDeployment
{
    private const int Attempts = 60;

    public static async Task RegisterAsync(Uri adminUrl, Uri balancerEndpoint, bool identityOn, CancellationToken cancellationToken)
    {
        using var adminHttp = new HttpClient { BaseAddress = adminUrl, Timeout = TimeSpan.FromMinutes(1) };
        var admin = new RestateAdminClient(adminHttp);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await admin.RegisterDeploymentAsync(balancerEndpoint, new RegisterDeploymentOptions { Force = true }, cancellationToken);
                break;
            }
            catch (Exception failure) when (failure is HttpRequestException or RestateAdminException && attempt < Attempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }

        if (identityOn)
        {
            await ExpectUnsignedRefusedAsync(balancerEndpoint, cancellationToken);
        }
    }

    /// <exception cref="InvalidOperationException">A replica answered an unsigned discovery: it does not verify Restate's signature.</exception>
    private static async Task ExpectUnsignedRefusedAsync(Uri balancerEndpoint, CancellationToken cancellationToken)
    {
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(balancerEndpoint, "discover"))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        using var response = await http.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            throw new InvalidOperationException($"An unsigned GET /discover through the balancer answered {(int)response.StatusCode}, not 401: the replicas do not verify Restate's request identity.");
        }
    }
}

using Restate.Sdk.Clients;

namespace SkAgentSession.Hosting;

/// <summary>
/// Registers this service's Restate endpoint (with <c>force</c>, so changed handlers are picked up)
/// once the app listens, then prints where everything is.
/// </summary>
internal sealed class DeploymentRegistrar(
    AppOptions options,
    RestateConnection restate,
    RestateAdminClient admin,
    IHostApplicationLifetime lifetime,
    ILogger<DeploymentRegistrar> logger) : BackgroundService
{
    private static readonly TimeSpan RetryFor = TimeSpan.FromSeconds(30);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!await WaitForStartAsync(stoppingToken))
        {
            return;
        }

        if (options.RegisterDeployment && !await RegisterAsync(stoppingToken))
        {
            lifetime.StopApplication();
            return;
        }

        var site = $"http://{options.BindAddress}:{options.HttpPort}";
        logger.LogInformation(
            """
            SkAgentSession is ready.
              Chat UI:          {Site}/
              API docs:         {Site}/docs
              Restate UI:       {RestateUi}
              Restate ingress:  {Ingress}
              Restate admin:    {Admin}
              Service endpoint: {Endpoint}
            Press Ctrl+C to stop.
            """,
            site,
            site,
            restate.UiUrl,
            restate.IngressUrl,
            restate.AdminUrl,
            options.EndpointUri);
    }

    private async Task<bool> WaitForStartAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var onStarted = lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        using var onStopping = stoppingToken.Register(() => started.TrySetCanceled(stoppingToken));
        try
        {
            await started.Task;
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    private async Task<bool> RegisterAsync(CancellationToken stoppingToken)
    {
        var deadline = DateTimeOffset.UtcNow + RetryFor;
        while (true)
        {
            try
            {
                var registration = await admin.RegisterDeploymentAsync(
                    options.EndpointUri, new RegisterDeploymentOptions { Force = true }, stoppingToken);
                logger.LogInformation("Registered {Endpoint} with Restate as deployment {Id}", options.EndpointUri, registration.Id);
                return true;
            }
            catch (Exception failure) when (failure is RestateAdminException or HttpRequestException && DateTimeOffset.UtcNow < deadline)
            {
                logger.LogDebug(failure, "Registration not accepted yet; retrying");
                await Task.Delay(TimeSpan.FromMilliseconds(500), stoppingToken);
            }
            catch (Exception failure) when (failure is RestateAdminException or HttpRequestException)
            {
                logger.LogCritical(failure, "Could not register {Endpoint} with Restate at {Admin}", options.EndpointUri, restate.AdminUrl);
                return false;
            }
        }
    }
}

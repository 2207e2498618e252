using Microsoft.AspNetCore.Server.Kestrel.Core;
using SkAgentSession.LoadBalancer;

var configuration = new ConfigurationBuilder().AddEnvironmentVariables().AddCommandLine(args).Build();
var options = configuration.GetSection(BalancerOptions.SectionName).Get<BalancerOptions>() ?? new BalancerOptions();
options.Validate();

List<WebApplication> listeners =
[
    ListenerHost.Build(args, options, options.EndpointPort, HttpProtocols.Http2, options.EndpointUris, options.EndpointHealthPath),
];
if (options.ApiPort != 0)
{
    listeners.Add(ListenerHost.Build(args, options, options.ApiPort, HttpProtocols.Http1AndHttp2, options.ApiUris, options.ApiHealthPath));
}

foreach (var listener in listeners)
{
    await listener.StartAsync();
}

var logger = listeners[0].Services.GetRequiredService<ILoggerFactory>().CreateLogger("SkAgentSession.LoadBalancer");
logger.LogInformation(
    "Load balancer is ready. Restate endpoint http://{Address}:{EndpointPort} -> {Endpoints}; UI and API {Api} -> {Apis}",
    options.BindAddress,
    options.EndpointPort,
    string.Join(", ", options.EndpointUris),
    options.ApiPort == 0 ? "off" : $"http://{options.BindAddress}:{options.ApiPort}",
    string.Join(", ", options.ApiUris));

await Task.WhenAll(listeners.Select(l => l.WaitForShutdownAsync()));

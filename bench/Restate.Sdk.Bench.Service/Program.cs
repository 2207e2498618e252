using System.Globalization;
using System.Net;
using Restate.Sdk;
using Restate.Sdk.Bench.Service;

if (args.Length != 1 || !int.TryParse(args[0], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is 0 or > 65535)
{
    Console.Error.WriteLine("usage: Restate.Sdk.Bench.Service <port>");
    return 2;
}

// No args to the builder: the port is positional; configuration (e.g. Logging__LogLevel__Default)
// still comes from the environment. The content root is the service's own folder, not the
// caller's working directory: the host watches its content root recursively for configuration
// changes, and bench/sdk.sh runs from the repository, where restate-server writes its data
// (bench/results/...) all through the run; every write woke the watcher.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { ContentRootPath = AppContext.BaseDirectory });
builder.Services.AddRestate().AddVirtualObject<BenchObject>();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenRestate(IPAddress.Loopback, port));

using var telemetry = TelemetryListeners.StartIfAsked();
var app = builder.Build();
app.MapRestate();
await app.RunAsync();
return 0;

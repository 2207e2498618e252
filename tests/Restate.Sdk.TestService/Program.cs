using System.Net;
using Restate.Sdk;
using Restate.Sdk.TestService;

var settings = TestServiceSettings.Parse(args);
Directory.CreateDirectory(settings.WorkDirectory);

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.SetMinimumLevel(LogLevel.Warning);
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenRestate(IPAddress.Loopback, settings.Port, settings.Mode));
builder.Services.AddSingleton(new WorkDirectory(settings.WorkDirectory));
if (settings.ParentProcessId is { } parent)
{
    builder.Services.AddHostedService(services =>
        new ParentWatch(parent, services.GetRequiredService<IHostApplicationLifetime>()));
}

builder.Services.AddRestate(options => options.ProtocolMode = settings.Mode)
    .AddService<SideEffects>(service => service.RetryPolicy = QuickRetry())
    .AddService<ConcurrentRuns>(service => service.RetryPolicy = QuickRetry())
    .AddService<SleepOrAwakeable>(service =>
    {
        // Suspend a waiting attempt soon also in bidi mode (request-response suspends right away).
        service.InactivityTimeout = TimeSpan.FromSeconds(1);
        service.RetryPolicy = QuickRetry();
    });

var app = builder.Build();
app.MapRestate();
app.Lifetime.ApplicationStarted.Register(() =>
    Console.WriteLine($"Restate test service ready on 127.0.0.1:{settings.Port} ({settings.Mode})"));
app.Run();

// Retry quickly while a test restarts the killed process (or a run retries).
static InvocationRetryPolicy QuickRetry() => new()
{
    InitialInterval = TimeSpan.FromMilliseconds(100),
    MaxInterval = TimeSpan.FromMilliseconds(500),
    ExponentiationFactor = 2,
};

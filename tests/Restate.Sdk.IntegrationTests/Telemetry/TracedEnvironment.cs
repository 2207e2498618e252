using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;

namespace Restate.Sdk.IntegrationTests.Telemetry;

/// <summary>
/// A service whose handler runs a step, then sleeps longer than its inactivity timeout (1 s), so
/// Restate suspends it and a second attempt replays the step from the journal.
/// </summary>
public sealed class TracedEnvironment : SdkTestEnvironment
{
    public const string Service = "Traced";
    public const string Handler = "stepThenSleep";
    public const string Step = "count the step";

    protected override void AddServices(RestateBuilder restate) => restate
        .AddService(Service, traced =>
        {
            traced.Options.InactivityTimeout = TimeSpan.FromSeconds(1);
            traced.Handler<string, string>(Handler, async (ctx, tag) =>
            {
                await ctx.Run(Step, _ =>
                {
                    Probe.Increment("step executions:" + tag);
                    return Task.CompletedTask;
                });
                await ctx.Sleep(TimeSpan.FromMilliseconds(1500));
                return "done";
            });
        });
}

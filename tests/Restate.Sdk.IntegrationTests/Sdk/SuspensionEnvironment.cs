using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>A <c>Sleeper</c> service whose inactivity timeout is lowered to 1 s, counting its attempts per invocation.</summary>
public sealed class SuspensionEnvironment : SdkTestEnvironment
{
    public static readonly TimeSpan InactivityTimeout = TimeSpan.FromSeconds(1);

    protected override void AddServices(RestateBuilder restate) => restate
        .AddService("Sleeper", sleeper =>
        {
            sleeper.Options.InactivityTimeout = InactivityTimeout;
            sleeper.Handler<NapRequest, string>("nap", async (ctx, nap) =>
            {
                Probe.Publish("nap:" + nap.Tag, ctx.InvocationId);
                Probe.Increment("nap attempts:" + ctx.InvocationId);
                await ctx.Sleep(TimeSpan.FromMilliseconds(nap.Millis));
                return nap.Tag + " woke up";
            });
        });
}

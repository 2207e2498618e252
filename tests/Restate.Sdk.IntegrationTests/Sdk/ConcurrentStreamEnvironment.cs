using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>A <c>Waiters</c> service whose invocations each wait on an awakeable, published as <c>waiter:{n}</c>.</summary>
public sealed class ConcurrentStreamEnvironment : SdkTestEnvironment
{
    protected override void AddServices(RestateBuilder restate) => restate
        .AddService("Waiters", waiters => waiters
            .Handler<int, string>("wait", async (ctx, n) =>
            {
                var awakeable = ctx.Awakeable<string>();
                Probe.Publish("waiter:" + n, awakeable.Id);
                return $"{n}: {await awakeable.Value}";
            }));
}

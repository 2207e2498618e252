using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>
/// A <c>Journey</c> service that books in a <c>Run</c> (executions counted as <c>bookings:{tag}</c>), publishes
/// <c>booked:{tag}</c> once the booking is journaled, then sleeps durably. Attempts are counted as
/// <c>journey attempts:{tag}</c>.
/// </summary>
public sealed class ServerCrashEnvironment : SdkTestEnvironment
{
    protected override void AddServices(RestateBuilder restate) => restate
        .AddService("Journey", journey => journey
            .Handler<string, string>("travel", async (ctx, tag) =>
            {
                Probe.Increment("journey attempts:" + tag);
                var booking = await ctx.Run("book", _ => Task.FromResult($"booking {Probe.Increment("bookings:" + tag)}"));
                Probe.Publish("booked:" + tag, booking);
                await ctx.Sleep(TimeSpan.FromSeconds(2));
                return $"{tag} arrived with {booking}";
            }));
}

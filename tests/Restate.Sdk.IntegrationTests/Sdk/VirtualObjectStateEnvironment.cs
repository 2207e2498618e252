using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>
/// The <see cref="Counter"/> object; <c>Profiles</c>, which stores a JSON document per key (eager state), and
/// <c>LazyProfiles</c>, the same with lazy state; and a <c>Gate</c> whose exclusive <c>hold</c> keeps the key busy
/// while its shared <c>peek</c> reads the state.
/// </summary>
public sealed class VirtualObjectStateEnvironment : SdkTestEnvironment
{
    protected override void AddServices(RestateBuilder restate)
    {
        restate
            .AddVirtualObject<Counter>()
            .AddVirtualObject("Profiles", AddProfileHandlers)
            .AddVirtualObject("LazyProfiles", profiles =>
            {
                profiles.Options.EnableLazyState = true;
                AddProfileHandlers(profiles);
            })
            .AddVirtualObject("Gate", gate => gate
                .Handler<int>("hold", async (ctx, millis) =>
                {
                    ctx.Set("holding", true);
                    await ctx.Sleep(TimeSpan.FromMilliseconds(millis));
                    ctx.Clear("holding");
                })
                .SharedHandler("peek", async ctx => await ctx.Get<bool>("holding")));
    }

    private static void AddProfileHandlers(VirtualObjectBuilder profiles) => profiles
        .Handler<Profile>("save", (ctx, profile) =>
        {
            ctx.Set("profile", profile);
            ctx.Set("saved", true);
            return Task.CompletedTask;
        })
        .Handler("forget", ctx =>
        {
            ctx.Clear("profile");
            return Task.CompletedTask;
        })
        .Handler("rename", async ctx =>
        {
            var profile = await ctx.Get<Profile>("profile") ?? throw new TerminalException("No profile to rename.", 404);
            var renamed = profile with { DisplayName = profile.DisplayName.ToUpperInvariant() };
            ctx.Set("profile", renamed);

            // Read back within the same invocation: the write must be visible at once.
            return (await ctx.Get<Profile>("profile"))!.DisplayName;
        })
        .SharedHandler("keys", async ctx => (await ctx.StateKeys()).Order(StringComparer.Ordinal).ToArray())
        .SharedHandler("get", async ctx => await ctx.Get<Profile>("profile"))
        .SharedHandler("whoAmI", ctx => Task.FromResult(ctx.Key));
}

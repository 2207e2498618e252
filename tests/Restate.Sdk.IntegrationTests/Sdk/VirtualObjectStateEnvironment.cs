using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>The <see cref="Counter"/> object and a <c>Profiles</c> object that stores a JSON document per key.</summary>
public sealed class VirtualObjectStateEnvironment : SdkTestEnvironment
{
    protected override void AddServices(RestateBuilder restate) => restate
        .AddVirtualObject<Counter>()
        .AddVirtualObject("Profiles", profiles => profiles
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
            .SharedHandler("keys", async ctx => (await ctx.StateKeys()).Order(StringComparer.Ordinal).ToArray()));
}

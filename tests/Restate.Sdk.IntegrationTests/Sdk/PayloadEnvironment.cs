using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>
/// A <c>Payloads</c> service that measures its input and reads request headers, and a <c>Blob</c> object that keeps
/// a large state value.
/// </summary>
public sealed class PayloadEnvironment : SdkTestEnvironment
{
    protected override void AddServices(RestateBuilder restate) => restate
        .AddService("Payloads", payloads => payloads
            .Handler<string, int>("measure", (ctx, text) => Task.FromResult(text.Length))
            .Handler("tenant", ctx => Task.FromResult(ctx.Headers.GetValueOrDefault("x-tenant") ?? "none"))
            .Handler<string, string>("forwardTenant", (ctx, tenant) => ctx.Call<string>(
                CallTarget.ForService("Payloads", "tenant"),
                options: new CallOptions { Headers = new Dictionary<string, string> { ["x-tenant"] = tenant } })))
        .AddVirtualObject("Blob", blob => blob
            .Handler<string, int>("store", (ctx, text) =>
            {
                ctx.Set("blob", text);
                return Task.FromResult(text.Length);
            })
            .Handler("length", async ctx => (await ctx.Get<string>("blob"))?.Length ?? -1));
}

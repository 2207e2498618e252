using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>
/// The <see cref="Patient"/> service over a bidi stream (the invocation runs while it is cancelled), and a
/// <c>Canceller</c> service that cancels an invocation it sent and attaches to it, or (<c>callChild</c>) waits on a
/// call to <see cref="Patient"/>, publishing its own invocation id as <c>parent:{tag}</c>.
/// </summary>
public sealed class CancellationEnvironment : SdkTestEnvironment
{
    protected override void AddServices(RestateBuilder restate) => restate
        .AddService<Patient>()
        .AddService("Canceller", canceller => canceller
            .Handler<string, string>("cancelChild", async (ctx, tag) =>
            {
                var child = ctx.Send(CallTarget.ForService("Patient", "wait"), tag, new SendOptions { IdempotencyKey = "child-" + tag });
                var childId = await child.InvocationId;
                ctx.CancelInvocation(childId);
                try
                {
                    return "child finished: " + await ctx.AttachInvocation<string>(childId);
                }
                catch (TerminalException e)
                {
                    return $"child failed with {e.Code}";
                }
            })
            .Handler<string, string>("callChild", async (ctx, tag) =>
            {
                Probe.Publish("parent:" + tag, ctx.InvocationId);
                return await ctx.Call<string>(CallTarget.ForService("Patient", "wait"), tag);
            }));
}

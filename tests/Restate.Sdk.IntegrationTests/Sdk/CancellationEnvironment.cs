using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>
/// The <see cref="Patient"/> service over a bidi stream (the invocation runs while it is cancelled), and a
/// <c>Canceller</c> service that cancels an invocation it sent and attaches to it, or (<c>callChild</c>) waits on a
/// call to <see cref="Patient"/>, publishing its own invocation id as <c>parent:{tag}</c>. <c>SlowStep</c> waits inside
/// a run until its token fires, publishing <c>step:{tag}</c> when the closure starts and the outcome when it ends.
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
            }))
        .AddService("SlowStep", slow => slow
            .Handler<string, string>("run", async (ctx, tag) =>
            {
                try
                {
                    return await ctx.Run("slow", async ct =>
                    {
                        Probe.Publish("step:" + tag, ctx.InvocationId);
                        try
                        {
                            await Task.Delay(TimeSpan.FromMinutes(5), ct);
                            return "finished";
                        }
                        catch (OperationCanceledException)
                        {
                            Probe.Record("step token fired:" + tag, "yes");
                            throw;
                        }
                    });
                }
                catch (TerminalException e)
                {
                    await ctx.Run("compensate", _ =>
                    {
                        Probe.Record("step compensated:" + tag, e.Code.ToString(System.Globalization.CultureInfo.InvariantCulture));
                        return Task.CompletedTask;
                    });
                    throw;
                }
            }));
}

using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;
using Restate.Sdk.IntegrationTests.Sdk.Services;

namespace Restate.Sdk.IntegrationTests.Sdk;

/// <summary>
/// An <c>Approvals</c> service: <c>request</c> waits on an awakeable whose id it publishes as <c>awakeable:{ticket}</c>;
/// <c>approve</c> and <c>deny</c> complete an awakeable from another handler.
/// </summary>
public class AwakeableEnvironment : SdkTestEnvironment
{
    protected override void AddServices(RestateBuilder restate) => restate
        .AddService("Approvals", approvals => approvals
            .Handler<string, string>("request", async (ctx, ticket) =>
            {
                var awakeable = ctx.Awakeable<string>();
                Probe.Publish("awakeable:" + ticket, awakeable.Id);
                try
                {
                    return "approved by " + await awakeable.Value;
                }
                catch (TerminalException e)
                {
                    return $"rejected ({e.Code}): {e.Message}";
                }
            })
            .Handler<Approval>("approve", (ctx, approval) =>
            {
                ctx.ResolveAwakeable(approval.AwakeableId, approval.Text);
                return Task.CompletedTask;
            })
            .Handler<Approval>("deny", (ctx, approval) =>
            {
                ctx.RejectAwakeable(approval.AwakeableId, approval.Text);
                return Task.CompletedTask;
            }));
}

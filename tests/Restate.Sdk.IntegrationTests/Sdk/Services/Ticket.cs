namespace Restate.Sdk.IntegrationTests.Sdk.Services;

/// <summary>A workflow whose options are all set at registration, to check them in the server's service metadata.</summary>
[Workflow(Name = "TicketFlow")]
public sealed class Ticket
{
    [Handler]
    public static Task<string> Run(IWorkflowContext ctx, string title) => Task.FromResult($"{ctx.Key}: {title}");

    [Handler(Name = "peek")]
    public static async Task<string?> Look(ISharedWorkflowContext ctx) => await ctx.Get<string>("title");
}

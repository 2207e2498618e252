namespace Restate.Sdk.IntegrationTests.Sdk.Services;

/// <summary>A workflow that waits for its durable promise <c>confirmation</c>, which the shared handlers complete.</summary>
[Workflow]
public sealed class Signup
{
    private const string Confirmation = "confirmation";

    [Handler]
    public static async Task<string> Run(IWorkflowContext ctx, string email)
    {
        ctx.Set("status", "awaiting confirmation");
        try
        {
            var code = await ctx.Promise<string>(Confirmation).Get();
            ctx.Set("status", "confirmed");
            return $"{email} confirmed with code {code}";
        }
        catch (TerminalException)
        {
            ctx.Set("status", "declined");
            throw;
        }
    }

    [Handler]
    public static Task Confirm(ISharedWorkflowContext ctx, string code) => ctx.Promise<string>(Confirmation).Resolve(code);

    [Handler]
    public static Task Decline(ISharedWorkflowContext ctx, string reason) => ctx.Promise<string>(Confirmation).Reject(reason);

    [Handler]
    public static async Task<bool> IsConfirmed(ISharedWorkflowContext ctx) =>
        (await ctx.Promise<string>(Confirmation).Peek()).IsCompleted;

    [Handler]
    public static async Task<string?> Status(ISharedWorkflowContext ctx) => await ctx.Get<string>("status");
}

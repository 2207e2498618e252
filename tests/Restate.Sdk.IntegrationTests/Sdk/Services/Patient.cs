using System.Globalization;
using Restate.Sdk.IntegrationTests.Sdk.Infrastructure;

namespace Restate.Sdk.IntegrationTests.Sdk.Services;

/// <summary>
/// Waits a minute, so a test can cancel it. It publishes its invocation id as <c>patient:{tag}</c>, records the
/// code of the failure it sees as <c>patient cancelled:{tag}</c> (once per attempt that sees it), compensates in a
/// <c>Run</c> (counted as <c>patient compensated:{tag}</c>) and fails on.
/// </summary>
[Service]
public sealed class Patient(InvocationProbe probe)
{
    [Handler]
    public async Task<string> Wait(IContext ctx, string tag)
    {
        probe.Publish("patient:" + tag, ctx.InvocationId);
        try
        {
            await ctx.Sleep(TimeSpan.FromMinutes(1));
            return "woke up";
        }
        catch (TerminalException e)
        {
            probe.Record("patient cancelled:" + tag, e.Code.ToString(CultureInfo.InvariantCulture));
            await ctx.Run("compensate", _ =>
            {
                probe.Increment("patient compensated:" + tag);
                return Task.CompletedTask;
            });
            throw;
        }
    }
}

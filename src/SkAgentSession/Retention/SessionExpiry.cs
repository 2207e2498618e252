using Microsoft.Extensions.Options;
using Restate.Sdk;
using SkAgentSession.Events;
using SkAgentSession.Sessions;
using SkAgentSession.Settings;

namespace SkAgentSession.Retention;

/// <summary>
/// Deletes sessions idle for longer than <see cref="RetentionOptions.SessionTtl"/>, with one durable
/// timer per session: a turn arms it if it is not armed (a delayed <c>expire</c> message); when it
/// fires, a session that had a message since is given the rest of its time (the timer is armed again
/// for that), and an idle one is deleted with its event log and settings.
/// </summary>
public sealed class SessionExpiry(IOptions<RetentionOptions> options)
{
    /// <summary>State key: present while an <c>expire</c> message is on its way.</summary>
    public const string ArmedKey = "expiry";

    public const string ExpireHandler = "expire";

    /// <summary>After a turn: arms the timer when sessions expire and it is not armed yet.</summary>
    internal async Task TouchAsync(IObjectContext ctx)
    {
        if (options.Value.SessionTtl is not { } ttl || await ctx.Get<bool>(ArmedKey))
        {
            return;
        }

        Arm(ctx, ttl);
    }

    /// <summary>The timer fired: delete the session if it was idle for its whole time to live, else wait the rest.</summary>
    internal async Task ExpireAsync(IObjectContext ctx, DateTimeOffset? lastActivity)
    {
        if (options.Value.SessionTtl is not { } ttl)
        {
            ctx.Clear(ArmedKey);
            return;
        }

        var idle = lastActivity is { } last ? await ctx.Now() - last : ttl;
        if (idle < ttl)
        {
            Arm(ctx, ttl - idle);
            return;
        }

        ctx.ClearAll();
        ctx.Send(CallTarget.ForObject(SessionEventsObject.Name, ctx.Key, "clear"));
        ctx.Send(CallTarget.ForObject(SessionSettingsObject.Name, ctx.Key, "clear"));
    }

    private static void Arm(IObjectContext ctx, TimeSpan delay)
    {
        ctx.Set(ArmedKey, true);
        ctx.Send(CallTarget.ForObject(AgentSessionObject.Name, ctx.Key, ExpireHandler), options: new SendOptions { Delay = delay });
    }
}

using Microsoft.Extensions.Options;
using Restate.Sdk;
using SkAgentSession.Sessions;

namespace SkAgentSession.Settings;

/// <summary>
/// A session's settings as a virtual object of their own (keyed by session id), so changing them
/// never waits behind the session's running turn; a turn reads them when it starts.
/// </summary>
[VirtualObject(Name = Name)]
public sealed class SessionSettingsObject(IOptions<SessionDefaultsOptions> defaults)
{
    public const string Name = "SessionSettings";

    private const string SettingsKey = "settings";

    /// <summary>The session's settings, or the app's defaults when it has none of its own.</summary>
    [Handler]
    public async Task<SessionSettings> Get(ISharedObjectContext ctx)
    {
        RejectIfInvalid(SessionInputRules.CheckSessionId(ctx.Key));
        return await ctx.Get<SessionSettings>(SettingsKey) ?? defaults.Value.ToSettings();
    }

    /// <summary>Changes the fields the update names and returns the settings after it.</summary>
    [Handler]
    public async Task<SessionSettings> Update(IObjectContext ctx, SessionSettingsUpdate update)
    {
        RejectIfInvalid(SessionInputRules.CheckSessionId(ctx.Key));
        RejectIfInvalid(update is null ? "The body must be a JSON object with \"durability\" and/or \"approvals\"." : update.Check());
        var settings = update!.ApplyTo(await ctx.Get<SessionSettings>(SettingsKey) ?? defaults.Value.ToSettings());
        ctx.Set(SettingsKey, settings);
        return settings;
    }

    private static void RejectIfInvalid(string? error)
    {
        if (error is not null)
        {
            throw new TerminalException(error, 400);
        }
    }
}

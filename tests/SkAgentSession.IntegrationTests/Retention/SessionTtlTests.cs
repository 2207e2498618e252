using System.Net;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests.Retention;

/// <summary>Idle sessions deleted by a durable timer that a new message pushes back, against the real restate-server.</summary>
[Collection(SharedShortTtlEnvironment.Name)]
public sealed class SessionTtlTests(ShortTtlEnvironment env)
{
    [Fact]
    public async Task An_idle_session_is_deleted_with_its_events_and_settings()
    {
        var session = SessionEnvironment.NewSessionId();
        await env.PutSettingsAsync(session, "step", approvals: false);
        await SendAsync(session, "Is there wifi?");
        Assert.NotEmpty(await env.GetStateAsync(session));

        await Eventually.Until(async () => (await env.GetStateAsync(session)).Count == 0, TimeSpan.FromSeconds(30), "the idle session was deleted");

        await Eventually.Until(async () => (await RowsAsync("SessionEvents", session)) == 0 && (await RowsAsync("SessionSettings", session)) == 0, TimeSpan.FromSeconds(10), "its event log and settings were deleted");
        Assert.Empty((await env.GetHistoryAsync(session)).GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_message_before_the_timer_fires_pushes_the_deletion_back()
    {
        var session = SessionEnvironment.NewSessionId();
        await SendAsync(session, "Is there wifi?");
        await Task.Delay(ShortTtlEnvironment.Ttl / 2);
        await SendAsync(session, "How much baggage can I bring?");

        // The timer armed by the first turn fires while the session is not idle long enough: it is kept.
        await Eventually.Until(async () => await CompletedExpiriesAsync(session) >= 1, TimeSpan.FromSeconds(30), "the first timer fired");
        Assert.NotEmpty(await env.GetStateAsync(session));

        await Eventually.Until(async () => (await env.GetStateAsync(session)).Count == 0, TimeSpan.FromSeconds(30), "deleted once idle for its whole time to live");
    }

    [Fact]
    public async Task The_chat_handler_keeps_results_for_idempotency_keys_as_configured()
    {
        var service = await env.Restate.Admin.GetServiceAsync("AgentSession");

        var chat = service.Handlers.Single(h => h.Name == "chat");
        Assert.Equal("2h", chat.IdempotencyRetention);
    }

    private async Task SendAsync(string session, string message)
    {
        using var response = await env.PostMessageAsync(session, message);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private async Task<int> RowsAsync(string service, string session) =>
        (await env.Restate.Admin.QueryAsync($"SELECT key FROM state WHERE service_name = '{service}' AND service_key = '{session}'")).Count;

    private async Task<int> CompletedExpiriesAsync(string session) =>
        (await env.Restate.Admin.QueryAsync(
            "SELECT id FROM sys_invocation WHERE target_service_name = 'AgentSession' " +
            $"AND target_service_key = '{session}' AND target_handler_name = 'expire' AND status = 'completed'")).Count;
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests.Approvals;

/// <summary>Drives a seat change that waits for an approval, through the HTTP API.</summary>
internal sealed class ApprovalFlow(SessionEnvironment env, string session)
{
    public const string SeatChangeMessage = "ABC123, seat 12A please";

    /// <summary>Sets the mode with approvals on, and brings the session to the point where update_seat waits.</summary>
    public async Task<JsonElement> StartSeatChangeAsync(string durability, string? idempotencyKey = null)
    {
        await env.PutSettingsAsync(session, durability, approvals: true);
        using (var handoff = await env.PostMessageAsync(session, "I want to change my seat"))
        {
            Assert.Equal(HttpStatusCode.OK, handoff.StatusCode);
        }

        using var waiting = await env.PostMessageAsync(session, SeatChangeMessage, idempotencyKey);
        Assert.Equal(HttpStatusCode.Accepted, waiting.StatusCode);
        var body = await waiting.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("waiting_for_approval", body.GetProperty("status").GetString());
        var approval = Assert.Single(body.GetProperty("approvals").EnumerateArray());
        Assert.Equal("update_seat", approval.GetProperty("name").GetString());
        Assert.Equal("12A", approval.GetProperty("arguments").GetProperty("new_seat").GetString());
        return body;
    }

    public static string CallId(JsonElement waiting) =>
        waiting.GetProperty("approvals")[0].GetProperty("callId").GetString()!;

    public async Task<HttpResponseMessage> DecideAsync(string callId, bool approved, string? comment = null) =>
        await env.Api.PostAsJsonAsync($"api/sessions/{session}/approvals/{callId}", new { approved, comment });

    /// <summary>Waits (by re-sending the message with its key, which attaches to the turn) for the turn's reply.</summary>
    public async Task<JsonElement> ReplyAsync(string idempotencyKey)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await env.PostMessageAsync(session, SeatChangeMessage, idempotencyKey);
            if (response.StatusCode == HttpStatusCode.OK)
            {
                return await response.Content.ReadFromJsonAsync<JsonElement>();
            }

            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            Assert.True(DateTime.UtcNow < deadline, "the turn did not finish after its decision");
        }
    }

    public async Task<List<JsonElement>> ItemsAsync() =>
        [.. (await env.GetHistoryAsync(session)).GetProperty("items").EnumerateArray()];

    public async Task<JsonElement> ApprovalItemAsync(string callId) =>
        (await ItemsAsync()).Single(i => i.GetProperty("type").GetString() == "approval_request" && i.GetProperty("callId").GetString() == callId);
}

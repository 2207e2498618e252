using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SkAgentSession.IntegrationTests.Fixtures;

namespace SkAgentSession.IntegrationTests.Approvals;

/// <summary>Drives a seat change that waits for an approval, through the HTTP API.</summary>
internal sealed class ApprovalFlow(SessionEnvironment env, string session)
{
    /// <summary>
    /// The message that makes the seat booking agent call update_seat; it names the session, so the
    /// model call log counts this session's requests only (other sessions share the app and its log).
    /// </summary>
    public string SeatChangeMessage { get; } = $"ABC123, seat 12A please ({session})";

    /// <summary>Sets the mode with approvals on, and brings the session to the point where update_seat waits.</summary>
    public async Task<JsonElement> StartSeatChangeAsync(string durability, string? idempotencyKey = null)
    {
        await PrepareAsync(durability);
        return await AskSeatChangeAsync(idempotencyKey);
    }

    /// <summary>Sets the mode with approvals on, and hands the session off to the seat booking agent.</summary>
    public async Task PrepareAsync(string durability)
    {
        await env.PutSettingsAsync(session, durability, approvals: true);
        using var handoff = await env.PostMessageAsync(session, "I want to change my seat");
        Assert.Equal(HttpStatusCode.OK, handoff.StatusCode);
    }

    /// <summary>Sends the seat change, which the API answers with 202 while update_seat waits.</summary>
    public Task<JsonElement> AskSeatChangeAsync(string? idempotencyKey = null) => AskSeatChangeAsync(SeatChangeMessage, "12A", idempotencyKey);

    /// <summary>Sends <paramref name="message"/>, which must make update_seat to <paramref name="seat"/> wait: the API answers 202.</summary>
    public async Task<JsonElement> AskSeatChangeAsync(string message, string seat, string? idempotencyKey = null)
    {
        using var waiting = await env.PostMessageAsync(session, message, idempotencyKey);
        Assert.Equal(HttpStatusCode.Accepted, waiting.StatusCode);
        var body = await waiting.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("waiting_for_approval", body.GetProperty("status").GetString());
        var approval = Assert.Single(body.GetProperty("approvals").EnumerateArray());
        Assert.Equal("update_seat", approval.GetProperty("name").GetString());
        Assert.Equal(seat, approval.GetProperty("arguments").GetProperty("new_seat").GetString());
        return body;
    }

    public static string CallId(JsonElement waiting) =>
        waiting.GetProperty("approvals")[0].GetProperty("callId").GetString()!;

    public static string TurnId(JsonElement waiting) => waiting.GetProperty("turnId").GetString()!;

    public async Task<HttpResponseMessage> DecideAsync(string callId, bool approved, string? comment = null) =>
        await env.Api.PostAsJsonAsync($"api/sessions/{session}/approvals/{callId}", new { approved, comment });

    /// <summary>Approves the call and checks the API took the decision.</summary>
    public async Task ApproveAsync(string callId)
    {
        using var decision = await DecideAsync(callId, approved: true);
        Assert.Equal(HttpStatusCode.Accepted, decision.StatusCode);
    }

    /// <summary>Waits (by re-sending the seat change with its key, which attaches to the turn) for the turn's reply.</summary>
    public Task<JsonElement> ReplyAsync(string idempotencyKey) => ReplyAsync(SeatChangeMessage, idempotencyKey);

    /// <summary>Waits (by re-sending <paramref name="message"/> with its key, which attaches to the turn) for the turn's reply.</summary>
    public async Task<JsonElement> ReplyAsync(string message, string idempotencyKey)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var response = await env.PostMessageAsync(session, message, idempotencyKey);
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

    public async Task<JsonElement> ToolResultItemAsync(string callId) =>
        (await ItemsAsync()).Single(i => i.GetProperty("type").GetString() == "tool_result" && i.GetProperty("callId").GetString() == callId);
}

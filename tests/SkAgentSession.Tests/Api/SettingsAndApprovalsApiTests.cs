using System.Net;
using System.Text;

namespace SkAgentSession.Tests.Api;

/// <summary>
/// The input rules of the settings and approvals routes, on the real app composition with the
/// Restate gateway replaced by a recorder: bad input is a 400 that says what is wrong and never
/// reaches the sessions; good input reaches them unchanged.
/// </summary>
public sealed class SettingsAndApprovalsApiTests(ApiHost api) : IClassFixture<ApiHost>
{
    [Theory]
    [InlineData("""{"durability": "step"}""", "update-settings s1 durability=step approvals=same")]
    [InlineData("""{"approvals": false}""", "update-settings s1 durability=same approvals=False")]
    [InlineData("""{"durability": "turn", "approvals": true}""", "update-settings s1 durability=turn approvals=True")]
    public async Task Good_settings_reach_the_session_as_sent(string body, string expectedCall)
    {
        var (status, _) = await SendAsync(HttpMethod.Put, "/api/sessions/s1/settings", body);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(expectedCall, api.Sessions.Calls);
    }

    [Theory]
    [InlineData("""{"durability": "fast"}""", "'durability' must be \\\"turn\\\" or \\\"step\\\"")]
    [InlineData("""{"durability": 1}""", "'durability' must be the string")]
    [InlineData("""{"approvals": "yes"}""", "'approvals' must be true or false")]
    [InlineData("""{"mode": "step"}""", "Unknown setting 'mode'")]
    [InlineData("""["step"]""", "must be a JSON object")]
    [InlineData("""{"durability": """, "not valid JSON")]
    public async Task Bad_settings_are_a_400_that_says_what_is_wrong(string body, string expected)
    {
        var before = api.Sessions.Calls.Count;

        var (status, problem) = await SendAsync(HttpMethod.Put, "/api/sessions/s2/settings", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Equal(before, api.Sessions.Calls.Count);
    }

    [Theory]
    [InlineData("""{"approved": true}""", "decide s3 call_1 approved=True comment=none")]
    [InlineData("""{"approved": false, "comment": "wrong seat"}""", "decide s3 call_1 approved=False comment=wrong seat")]
    public async Task Good_decisions_reach_the_session_as_sent(string body, string expectedCall)
    {
        var (status, _) = await SendAsync(HttpMethod.Post, "/api/sessions/s3/approvals/call_1", body);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.Contains(expectedCall, api.Sessions.Calls);
    }

    [Theory]
    [InlineData("""{}""", "'approved' must be true or false")]
    [InlineData("""{"approved": "yes"}""", "'approved' must be true or false")]
    [InlineData("""{"approved": true, "comment": 5}""", "'comment' must be a string")]
    [InlineData("nope", "not valid JSON")]
    public async Task Bad_decisions_are_a_400_that_says_what_is_wrong(string body, string expected)
    {
        var before = api.Sessions.Calls.Count;

        var (status, problem) = await SendAsync(HttpMethod.Post, "/api/sessions/s4/approvals/call_1", body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Contains(expected, problem, StringComparison.Ordinal);
        Assert.Equal(before, api.Sessions.Calls.Count);
    }

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpMethod method, string path, string body)
    {
        using var request = new HttpRequestMessage(method, path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        using var response = await api.Client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}

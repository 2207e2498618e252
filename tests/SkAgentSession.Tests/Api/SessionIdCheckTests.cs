using System.Net;
using System.Text;

namespace SkAgentSession.Tests.Api;

/// <summary>Every route under <c>/api/sessions/{id}</c> refuses a bad session id the same way, before it reaches a session.</summary>
public sealed class SessionIdCheckTests(ApiHost api) : IClassFixture<ApiHost>
{
    [Theory]
    [InlineData("GET", "")]
    [InlineData("DELETE", "")]
    [InlineData("POST", "/messages")]
    [InlineData("POST", "/cancel")]
    [InlineData("GET", "/events")]
    [InlineData("GET", "/settings")]
    [InlineData("PUT", "/settings")]
    [InlineData("POST", "/approvals/call_1")]
    public async Task A_bad_session_id_is_a_400_naming_the_rule_and_reaches_no_session(string method, string route)
    {
        var before = api.Sessions.Calls.Count;
        using var request = new HttpRequestMessage(new HttpMethod(method), "/api/sessions/a%20b" + route);
        if (method is "POST" or "PUT")
        {
            request.Content = new StringContent("""{"message": "hi", "approved": true}""", Encoding.UTF8, "application/json");
        }

        using var response = await api.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("session id", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(before, api.Sessions.Calls.Count);
    }
}

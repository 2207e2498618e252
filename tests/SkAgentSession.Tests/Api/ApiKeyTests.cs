using System.Net;
using System.Net.Http.Headers;
using SkAgentSession.Security;

namespace SkAgentSession.Tests.Api;

/// <summary>The app with API keys: every /api route needs one; the UI and the key check's refusals.</summary>
public sealed class ApiKeyTests(ApiKeyTests.KeyedApiHost api) : IClassFixture<ApiKeyTests.KeyedApiHost>
{
    public const string Key = "test-key-0123456789abcdef";

    [Theory]
    [InlineData("api/info")]
    [InlineData("api/sessions")]
    [InlineData("api/sessions/s1")]
    [InlineData("api/sessions/s1/settings")]
    [InlineData("api/nothing-here")]
    public async Task Without_a_key_every_api_route_is_a_401_problem(string path)
    {
        using var response = await api.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
    }

    [Fact]
    public async Task A_wrong_key_is_a_401_and_the_right_one_passes()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, await StatusWithAsync("api/sessions/s1", "not-the-key-0123456789"));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync("api/sessions/s1", Key));
        Assert.Equal(HttpStatusCode.OK, await StatusWithAsync("api/info", Key));
    }

    [Fact]
    public async Task A_post_without_a_key_never_reaches_the_sessions()
    {
        var before = api.Sessions.Calls.Count;
        using var content = new StringContent("""{"message":"hi"}""", System.Text.Encoding.UTF8, "application/json");

        using var response = await api.Client.PostAsync("api/sessions/s2/messages", content);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(before, api.Sessions.Calls.Count);
    }

    [Fact]
    public async Task The_event_stream_takes_the_key_as_access_token_because_an_EventSource_sends_no_headers()
    {
        using var withToken = new HttpRequestMessage(HttpMethod.Get, $"api/sessions/s3/events?access_token={Key}");
        using var response = await api.Client.SendAsync(withToken, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        using var tokenElsewhere = await api.Client.GetAsync($"api/sessions/s3?access_token={Key}");
        Assert.Equal(HttpStatusCode.Unauthorized, tokenElsewhere.StatusCode);
    }

    [Theory]
    [InlineData("0.0.0.0", false, null, true)]
    [InlineData("0.0.0.0", true, null, false)]
    [InlineData("0.0.0.0", false, Key, false)]
    [InlineData("127.0.0.1", false, null, false)]
    [InlineData("::1", false, null, false)]
    public void An_open_api_on_a_reachable_address_is_refused_at_start(string bindAddress, bool allowAnonymous, string? key, bool refused)
    {
        var options = new ApiKeyOptions { Keys = key is null ? [] : [key], AllowAnonymous = allowAnonymous };

        var error = Record.Exception(() => options.CheckExposure(bindAddress));

        Assert.Equal(refused, error is InvalidOperationException);
    }

    [Fact]
    public void Short_keys_are_refused()
    {
        var configuration = new Microsoft.Extensions.Configuration.ConfigurationManager();
        configuration["SKAS_API_KEYS"] = "short";

        Assert.Throws<InvalidOperationException>(() => { ApiKeyOptions.From(configuration); });
    }

    private async Task<HttpStatusCode> StatusWithAsync(string path, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        using var response = await api.Client.SendAsync(request);
        return response.StatusCode;
    }

    /// <summary>The app composition with an API key configured.</summary>
    public sealed class KeyedApiHost : ApiHost
    {
        protected override IEnumerable<string> ExtraArgs => [$"--SkAgentSession:ApiKeys={Key}"];
    }
}

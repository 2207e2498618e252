using System.Net;
using System.Text;
using System.Text.Json;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;
using Xunit.Abstractions;

namespace SkAgentSession.Tests.Api;

/// <summary>
/// Property tests of the HTTP API's input rules, on the real app composition with the Restate
/// gateway replaced by a recorder: any request with a bad part (session id, content type, body,
/// Idempotency-Key) gets a 4xx problem whose detail names a bad part, never a 5xx, and never reaches
/// the sessions; a request whose parts are all good reaches them exactly once, unchanged.
/// </summary>
public sealed class SessionApiInputPropertyTests(ApiHost api, ITestOutputHelper output) : IClassFixture<ApiHost>
{
    private readonly Dictionary<string, int> _answers = [];

    // Fixed, so a run is reproducible; change it to explore other inputs.
    private static readonly Config Runs = Config.QuickThrowOnFailure
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(20261126UL, 7919UL), FSharpOption<int>.None)));

    [Fact]
    public void Posted_messages_are_accepted_only_when_every_part_is_good()
    {
        Prop.ForAll(Arb.From(ApiRequestGenerators.PostMessage), request => Check(request)).Check(Runs.WithMaxTest(500).WithEndSize(60));
        Report();
    }

    [Fact]
    public void Reads_and_deletes_are_accepted_only_for_good_session_ids()
    {
        Prop.ForAll(Arb.From(ApiRequestGenerators.GetOrDelete), request => Check(request)).Check(Runs.WithMaxTest(200));
        Report();
    }

    [Fact]
    public void The_generators_produce_both_good_and_bad_requests_of_every_kind()
    {
        var posts = ApiRequestGenerators.PostMessage.Sample(500, 60);
        var reads = ApiRequestGenerators.GetOrDelete.Sample(200, 60);

        Assert.InRange(posts.Count(r => r.IsValid), 50, 450);
        foreach (var part in new[] { "id", "content type", "body", "key" })
        {
            Assert.True(posts.Count(r => r.Parts.Count(p => !p.Valid) == 1 && r.Parts.Any(p => !p.Valid && p.Name == part)) >= 5, $"too few requests bad only in their {part}");
        }

        Assert.Contains(reads, r => r.IsValid);
        Assert.Contains(reads, r => !r.IsValid);
    }

    private bool Check(ApiRequest request)
    {
        var callsBefore = api.Sessions.Calls.Count;
        var (status, contentType, body) = SendAsync(request).GetAwaiter().GetResult();
        var calls = api.Sessions.Calls.Skip(callsBefore).ToList();

        if (status >= 500)
        {
            throw new Xunit.Sdk.XunitException($"{request}\n -> {status}: {body}");
        }

        if (request.IsValid)
        {
            Count($"{status} {request.Method} accepted");
            var expectedStatus = request.Method == HttpMethod.Delete ? 204 : 200;
            var expectedCall = request.Method.Method switch
            {
                "POST" => $"send {request.SessionId.Value} key={(string.IsNullOrEmpty(request.IdempotencyKey.Value) ? "none" : request.IdempotencyKey.Value)} message={request.Message}",
                "GET" => $"get {request.SessionId.Value}",
                _ => $"reset {request.SessionId.Value}",
            };
            return Expect(status == expectedStatus, request, $"expected {expectedStatus}, got {status}: {body}")
                && Expect(calls.Count == 1 && calls[0] == expectedCall, request, $"expected the call '{Shorten(expectedCall)}', got [{string.Join(", ", calls.Select(Shorten))}]");
        }

        var detail = ProblemDetail(contentType, body);
        Count($"{status} {Shorten(detail ?? "(no detail)", 36)}");
        var named = request.Parts.Where(p => !p.Valid).Select(p => p.ErrorWords).ToList();
        return Expect(status is >= 400 and < 500, request, $"expected a 4xx, got {status}: {body}")
            && Expect(calls.Count == 0, request, $"a bad request reached the sessions: {string.Join(", ", calls.Select(Shorten))}")
            && Expect(detail is not null, request, $"the {status} answer has no problem detail: {contentType} {body}")
            && Expect(named.Any(words => detail!.Contains(words, StringComparison.Ordinal)), request, $"the detail '{detail}' names none of: {string.Join(" | ", named)}");
    }

    private async Task<(int Status, string? ContentType, string Body)> SendAsync(ApiRequest request)
    {
        using var message = new HttpRequestMessage(request.Method, request.Path);
        if (request.IsPost)
        {
            message.Content = new ByteArrayContent(request.Body.Value);
            if (request.ContentType.Value is { } contentType)
            {
                message.Content.Headers.TryAddWithoutValidation("Content-Type", contentType);
            }

            if (request.IdempotencyKey.Value is { } key)
            {
                message.Headers.TryAddWithoutValidation("Idempotency-Key", key);
            }
        }

        using var response = await api.Client.SendAsync(message).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        return ((int)response.StatusCode, response.Content.Headers.ContentType?.MediaType, body);
    }

    private static string? ProblemDetail(string? contentType, string body)
    {
        if (contentType != "application/problem+json")
        {
            return null;
        }

        try
        {
            using var problem = JsonDocument.Parse(body);
            return problem.RootElement.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.String && detail.GetString()!.Length > 0
                ? detail.GetString()
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private void Count(string answer) => _answers[answer] = _answers.GetValueOrDefault(answer) + 1;

    /// <summary>Prints how often each answer came, to show what the run covered.</summary>
    private void Report()
    {
        foreach (var (answer, count) in _answers.OrderByDescending(a => a.Value))
        {
            output.WriteLine($"{count,5}  {answer}");
        }
    }

    private static bool Expect(bool condition, ApiRequest request, string why) =>
        condition ? true : throw new Xunit.Sdk.XunitException($"{request}\n -> {why}");

    private static string Shorten(string text, int length = 200) => text.Length <= length ? text : text[..length] + "…";
}

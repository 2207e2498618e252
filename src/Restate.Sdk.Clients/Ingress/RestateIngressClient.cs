using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Restate.Sdk.Clients.Internal;

namespace Restate.Sdk.Clients;

/// <summary>
/// Calls Restate handlers from code outside Restate, through the ingress (port 8080 by default):
/// calls, sends, attach and output of earlier invocations, awakeables.
/// </summary>
/// <remarks>
/// Payloads are JSON (System.Text.Json web defaults unless other options are given). A <c>null</c> request sends
/// no body. The <see cref="HttpClient"/> is the caller's: its <see cref="HttpClient.Timeout"/> bounds calls and
/// attaches, which last as long as the handler runs.
/// </remarks>
public sealed class RestateIngressClient
{
    private const string IdempotencyKeyHeader = "idempotency-key";
    private const string InvocationIdHeader = "x-restate-id";
    private const string ErrorSourceHeader = "x-restate-error-source";
    private const string IdempotencyExpiresHeader = "idempotency-expires";
    private const string JsonMediaType = "application/json";

    private readonly HttpClient _http;
    private readonly JsonSerializerOptions _json;

    /// <summary>A client of the ingress whose base address <paramref name="http"/> carries; <paramref name="jsonOptions"/> (de)serialize requests and outputs.</summary>
    public RestateIngressClient(HttpClient http, JsonSerializerOptions? jsonOptions = null)
    {
        BaseAddress = HttpClientBase.RequireBaseAddress(http, nameof(RestateIngressClient));
        _http = http;
        _json = jsonOptions ?? RestateJson.Web;
    }

    /// <summary>The ingress URL, ending with <c>/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Calls a handler and returns its output (<c>default</c> for an empty output).</summary>
    /// <exception cref="RestateIngressException">The ingress refused the call or the invocation failed terminally.</exception>
    public async Task<TResponse?> CallAsync<TResponse>(
        IngressTarget target,
        object? request = null,
        IngressCallOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var response = await CallRawAsync(target, request, options, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccess();
        return Deserialize<TResponse>(response);
    }

    /// <summary>Calls a handler and waits for it to finish, ignoring its output.</summary>
    /// <exception cref="RestateIngressException">The ingress refused the call or the invocation failed terminally.</exception>
    public async Task CallAsync(
        IngressTarget target,
        object? request = null,
        IngressCallOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        var response = await CallRawAsync(target, request, options, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccess();
    }

    /// <summary>Calls a handler with a JSON request and returns the answer as received, errors included.</summary>
    public Task<IngressResponse> CallRawAsync(
        IngressTarget target,
        object? request,
        IngressCallOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return SendRequestAsync(
            HttpMethod.Post, "restate/call/" + target.ToPath(), SerializeRequest(request), options, cancellationToken);
    }

    /// <summary>Calls a handler with a body of any content type and returns the answer as received, errors included.</summary>
    public Task<IngressResponse> CallRawAsync(
        IngressTarget target,
        ReadOnlyMemory<byte> body,
        string contentType,
        IngressCallOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        return SendRequestAsync(
            HttpMethod.Post, "restate/call/" + target.ToPath(), RawContent(body, contentType), options, cancellationToken);
    }

    /// <summary>Starts an invocation without waiting for it (optionally after a delay).</summary>
    /// <exception cref="RestateIngressException">The ingress refused the send.</exception>
    public async Task<SendResponse> SendAsync(
        IngressTarget target,
        object? request = null,
        IngressSendOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        var path = "restate/send/" + target.ToPath();
        if (options?.Delay is { } delay)
        {
            if (delay < TimeSpan.Zero)
            {
                throw new ArgumentOutOfRangeException(nameof(options), delay, "A send delay must not be negative.");
            }

            // The ingress accepts "friendly" durations; whole milliseconds are exact and unambiguous.
            path += "?delay=" + ((long)delay.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) + "ms";
        }

        var response = await SendRequestAsync(HttpMethod.Post, path, SerializeRequest(request), options, cancellationToken)
            .ConfigureAwait(false);
        response.EnsureSuccess();
        return ParseSendResponse(response);
    }

    /// <summary>Waits for an invocation to finish and returns its output.</summary>
    /// <exception cref="RestateIngressException">The invocation is unknown or failed terminally.</exception>
    public async Task<TResponse?> AttachAsync<TResponse>(InvocationQuery query, CancellationToken cancellationToken = default)
    {
        var response = await AttachRawAsync(query, cancellationToken).ConfigureAwait(false);
        response.EnsureSuccess();
        return Deserialize<TResponse>(response);
    }

    /// <summary>Waits for an invocation to finish and returns the answer as received, errors included.</summary>
    public Task<IngressResponse> AttachRawAsync(InvocationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return SendRequestAsync(HttpMethod.Post, "restate/attach", JsonBody(query.ToJson()), null, cancellationToken);
    }

    /// <summary>
    /// Returns an invocation's output if it has finished, or "not ready" if it is
    /// still running (<see cref="InvocationOutput{T}.IsReady"/> false). Does not wait.
    /// </summary>
    /// <exception cref="RestateIngressException">The invocation is unknown or failed terminally.</exception>
    public async Task<InvocationOutput<TResponse>> GetOutputAsync<TResponse>(
        InvocationQuery query,
        CancellationToken cancellationToken = default)
    {
        var response = await GetOutputRawAsync(query, cancellationToken).ConfigureAwait(false);
        if (IngressErrorParser.IsNotReady(response))
        {
            return new InvocationOutput<TResponse>();
        }

        response.EnsureSuccess();
        return new InvocationOutput<TResponse>(Deserialize<TResponse>(response), response.InvocationId);
    }

    /// <summary>Asks for an invocation's output without waiting; "not ready" is status 470 from the ingress.</summary>
    public Task<IngressResponse> GetOutputRawAsync(InvocationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        return SendRequestAsync(HttpMethod.Post, "restate/output", JsonBody(query.ToJson()), null, cancellationToken);
    }

    /// <summary>The invocation id of an idempotent invocation or a workflow run.</summary>
    /// <remarks>
    /// Restate derives these ids from the target and the key, so the answer comes whether or not such an invocation
    /// exists (yet); <see cref="GetOutputAsync{TResponse}"/> tells whether it does.
    /// </remarks>
    /// <exception cref="RestateIngressException">The ingress refused the query (e.g. an unknown service).</exception>
    public async Task<string> LookupInvocationIdAsync(InvocationQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var response = await SendRequestAsync(
                HttpMethod.Post, "restate/lookup", JsonBody(query.ToJson()), null, cancellationToken)
            .ConfigureAwait(false);
        response.EnsureSuccess();
        using var document = JsonDocument.Parse(response.Body);
        if (document.RootElement.TryGetProperty("invocationId", out var id) && id.GetString() is { Length: > 0 } value)
        {
            return value;
        }

        throw new RestateIngressException(
            $"The ingress lookup answer has no invocationId: {response.BodyText}",
            response.StatusCode,
            null,
            RestateErrorSource.Ingress);
    }

    /// <summary>Completes an awakeable with a value (sent as JSON).</summary>
    /// <exception cref="RestateIngressException">The id is malformed (400) or the ingress refused it.</exception>
    /// <remarks>
    /// A well-formed id of an awakeable that does not exist (any more) is accepted by the server all the same: it cannot
    /// tell, because the completion is delivered to the invocation asynchronously.
    /// </remarks>
    public async Task ResolveAwakeableAsync<T>(string awakeableId, T value, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(awakeableId);
        var content = RawContent(JsonSerializer.SerializeToUtf8Bytes(value, _json), JsonMediaType);
        var response = await SendRequestAsync(
                HttpMethod.Post, $"restate/awakeables/{Uri.EscapeDataString(awakeableId)}/resolve", content, null, cancellationToken)
            .ConfigureAwait(false);
        response.EnsureSuccess();
    }

    /// <summary>Fails an awakeable; the waiting handler sees a terminal failure with this reason.</summary>
    /// <exception cref="RestateIngressException">The id is malformed (400) or the ingress refused it.</exception>
    public async Task RejectAwakeableAsync(string awakeableId, string reason, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(awakeableId);
        ArgumentNullException.ThrowIfNull(reason);
        var content = RawContent(Encoding.UTF8.GetBytes(reason), "text/plain");
        var response = await SendRequestAsync(
                HttpMethod.Post, $"restate/awakeables/{Uri.EscapeDataString(awakeableId)}/reject", content, null, cancellationToken)
            .ConfigureAwait(false);
        response.EnsureSuccess();
    }

    /// <summary>True when the ingress answers <c>GET /restate/health</c> with success; false when it is down.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(BaseAddress, "restate/health"), cancellationToken)
                .ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    private async Task<IngressResponse> SendRequestAsync(
        HttpMethod method,
        string relativePath,
        HttpContent? content,
        IngressCallOptions? options,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseAddress, relativePath)) { Content = content };
        if (options?.IdempotencyKey is { } idempotencyKey)
        {
            ArgumentException.ThrowIfNullOrEmpty(idempotencyKey, nameof(options));
            request.Headers.TryAddWithoutValidation(IdempotencyKeyHeader, idempotencyKey);
        }

        if (options?.Headers is { } headers)
        {
            foreach (var (name, value) in headers)
            {
                if (!request.Headers.TryAddWithoutValidation(name, value))
                {
                    throw new ArgumentException($"Header '{name}' cannot be set on an ingress request.", nameof(options));
                }
            }
        }

        using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken)
            .ConfigureAwait(false);
        var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        return new IngressResponse(
            response.StatusCode,
            body,
            response.Content.Headers.ContentType?.MediaType,
            FirstHeader(response, InvocationIdHeader),
            response.IsSuccessStatusCode ? null : IngressErrorParser.ParseSource(FirstHeader(response, ErrorSourceHeader)),
            ParseTimestamp(FirstHeader(response, IdempotencyExpiresHeader)));
    }

    private ByteArrayContent? SerializeRequest(object? request) =>
        request is null
            ? null
            : RawContent(JsonSerializer.SerializeToUtf8Bytes(request, request.GetType(), _json), JsonMediaType);

    private TResponse? Deserialize<TResponse>(IngressResponse response)
    {
        if (response.Body.IsEmpty)
        {
            return default;
        }

        try
        {
            return JsonSerializer.Deserialize<TResponse>(response.Body.Span, _json);
        }
        catch (JsonException e)
        {
            throw new JsonException(
                $"The output of invocation {response.InvocationId ?? "(unknown)"} is not a JSON {typeof(TResponse).Name}: {e.Message}",
                e);
        }
    }

    private static SendResponse ParseSendResponse(IngressResponse response)
    {
        using var document = JsonDocument.Parse(response.Body);
        var root = document.RootElement;
        var invocationId = root.TryGetProperty("invocationId", out var id) ? id.GetString() : null;
        var statusText = root.TryGetProperty("status", out var status) ? status.GetString() : null;
        if (string.IsNullOrEmpty(invocationId) || !Enum.TryParse<SendStatus>(statusText, ignoreCase: true, out var sendStatus))
        {
            throw new RestateIngressException(
                $"Unexpected send answer from the ingress: {response.BodyText}",
                response.StatusCode,
                null,
                RestateErrorSource.Ingress);
        }

        DateTimeOffset? executionTime = root.TryGetProperty("executionTime", out var time) && time.ValueKind == JsonValueKind.String
            ? ParseTimestamp(time.GetString())
            : null;
        return new SendResponse(invocationId, sendStatus, executionTime);
    }

    private static ByteArrayContent RawContent(ReadOnlyMemory<byte> body, string contentType)
    {
        var content = new ByteArrayContent(body.ToArray());
        content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        return content;
    }

    private static ByteArrayContent JsonBody(string json) => RawContent(Encoding.UTF8.GetBytes(json), JsonMediaType);

    private static string? FirstHeader(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? values.FirstOrDefault() : null;

    /// <summary>Restate writes RFC 3339 with up to nine fractional digits; .NET keeps seven.</summary>
    private static DateTimeOffset? ParseTimestamp(string? value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed)
            ? parsed
            : null;
}

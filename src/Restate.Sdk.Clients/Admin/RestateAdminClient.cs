using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Restate.Sdk.Clients.Internal;

namespace Restate.Sdk.Clients;

/// <summary>
/// The Restate admin API (port 9070 by default): deployments, services, invocation management and SQL queries.
/// Paths are those of restate-server 1.7 (unversioned, which the server treats as its default API version).
/// </summary>
public sealed class RestateAdminClient
{
    private readonly HttpClient _http;

    /// <summary>A client of the admin API whose base address <paramref name="http"/> carries, e.g. <c>http://127.0.0.1:9070/</c>.</summary>
    public RestateAdminClient(HttpClient http)
    {
        BaseAddress = HttpClientBase.RequireBaseAddress(http, nameof(RestateAdminClient));
        _http = http;
    }

    /// <summary>The admin URL, ending with <c>/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>
    /// Registers the deployment at <paramref name="uri"/>: Restate calls its <c>/discover</c> and makes its services
    /// callable. Pass <see cref="RegisterDeploymentOptions.Force"/> to re-run discovery for a URI already registered.
    /// </summary>
    /// <exception cref="RestateAdminException">Discovery failed (e.g. <c>META0003</c> when the URI cannot be reached) or the request was refused.</exception>
    public async Task<DeploymentRegistration> RegisterDeploymentAsync(
        Uri uri,
        RegisterDeploymentOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(uri);
        if (!uri.IsAbsoluteUri)
        {
            throw new ArgumentException("A deployment URI must be absolute, e.g. http://127.0.0.1:9080/.", nameof(uri));
        }

        options ??= new RegisterDeploymentOptions();
        var body = new RegisterDeploymentRequest(
            uri.AbsoluteUri,
            options.Force,
            options.Breaking,
            options.UseHttp11,
            options.DryRun,
            options.AdditionalHeaders,
            options.Metadata);
        using var response = await SendAsync(HttpMethod.Post, "deployments", JsonContent(body), cancellationToken)
            .ConfigureAwait(false);
        var registered = await ReadJsonAsync<RegisterDeploymentResponse>(response, cancellationToken).ConfigureAwait(false);
        return new DeploymentRegistration(
            registered.Id,
            registered.Services ?? [],
            registered.MinProtocolVersion,
            registered.MaxProtocolVersion,
            registered.SdkVersion,
            response.StatusCode == HttpStatusCode.Created);
    }

    /// <summary>All registered deployments.</summary>
    public async Task<IReadOnlyList<DeploymentInfo>> ListDeploymentsAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, "deployments", null, cancellationToken).ConfigureAwait(false);
        var list = await ReadJsonAsync<DeploymentList>(response, cancellationToken).ConfigureAwait(false);
        return list.Deployments ?? [];
    }

    /// <summary>One deployment by id.</summary>
    /// <exception cref="RestateAdminException">Unknown (404) or malformed (400) id.</exception>
    public async Task<DeploymentInfo> GetDeploymentAsync(string deploymentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deploymentId);
        using var response = await SendAsync(
                HttpMethod.Get, "deployments/" + Uri.EscapeDataString(deploymentId), null, cancellationToken)
            .ConfigureAwait(false);
        return await ReadJsonAsync<DeploymentInfo>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Removes a deployment and its services. Restate 1.7 supports only forced deletion, which can break invocations
    /// still running on it.
    /// </summary>
    public async Task DeleteDeploymentAsync(string deploymentId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(deploymentId);
        using var response = await SendAsync(
                HttpMethod.Delete, "deployments/" + Uri.EscapeDataString(deploymentId) + "?force=true", null, cancellationToken)
            .ConfigureAwait(false);
    }

    /// <summary>All registered services.</summary>
    public async Task<IReadOnlyList<ServiceMetadata>> ListServicesAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, "services", null, cancellationToken).ConfigureAwait(false);
        var list = await ReadJsonAsync<ServiceList>(response, cancellationToken).ConfigureAwait(false);
        return list.Services ?? [];
    }

    /// <summary>One service by name.</summary>
    /// <exception cref="RestateAdminException">The service does not exist (404).</exception>
    public async Task<ServiceMetadata> GetServiceAsync(string serviceName, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(serviceName);
        using var response = await SendAsync(
                HttpMethod.Get, "services/" + Uri.EscapeDataString(serviceName), null, cancellationToken)
            .ConfigureAwait(false);
        return await ReadJsonAsync<ServiceMetadata>(response, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Runs SQL against Restate's tables (<c>state</c>, <c>sys_invocation</c>, <c>sys_deployment</c>, ...) and returns
    /// the rows as JSON objects. Binary columns come back as hex strings.
    /// </summary>
    /// <exception cref="RestateAdminException">The query is invalid (the server's DataFusion message).</exception>
    public async Task<IReadOnlyList<JsonElement>> QueryAsync(string sql, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(sql);
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(BaseAddress, "query"))
        {
            Content = JsonContent(new QueryRequest(sql)),
        };

        // Without this header the server answers with an Arrow IPC stream.
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        using var response = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        using var document = ParseJson(bytes, response);
        if (!document.RootElement.TryGetProperty("rows", out var rows) || rows.ValueKind != JsonValueKind.Array)
        {
            throw new RestateAdminException(
                $"The query answer has no 'rows' array: {Truncate(Encoding.UTF8.GetString(bytes))}",
                response.StatusCode,
                null);
        }

        return rows.EnumerateArray().Select(row => row.Clone()).ToList();
    }

    /// <summary>
    /// Runs SQL and maps each row to <typeparamref name="TRow"/>. By default column names map to properties in
    /// snake_case (<c>value_utf8</c> → <c>ValueUtf8</c>).
    /// </summary>
    public async Task<IReadOnlyList<TRow>> QueryAsync<TRow>(
        string sql,
        JsonSerializerOptions? rowOptions = null,
        CancellationToken cancellationToken = default)
    {
        var rows = await QueryAsync(sql, cancellationToken).ConfigureAwait(false);
        var options = rowOptions ?? RestateJson.Admin;
        return rows
            .Select(row => row.Deserialize<TRow>(options)
                ?? throw new JsonException($"A query row deserialized to null as {typeof(TRow).Name}: {row.GetRawText()}"))
            .ToList();
    }

    /// <summary>True when <c>GET /health</c> succeeds; false when the admin API is down or not ready.</summary>
    public async Task<bool> IsHealthyAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            using var response = await _http.GetAsync(new Uri(BaseAddress, "health"), cancellationToken).ConfigureAwait(false);
            return response.IsSuccessStatusCode;
        }
        catch (HttpRequestException)
        {
            return false;
        }
    }

    /// <summary>The server version and the admin API versions it serves.</summary>
    public async Task<ServerVersion> GetVersionAsync(CancellationToken cancellationToken = default)
    {
        using var response = await SendAsync(HttpMethod.Get, "version", null, cancellationToken).ConfigureAwait(false);
        var version = await ReadJsonAsync<VersionResponse>(response, cancellationToken).ConfigureAwait(false);
        return new ServerVersion(
            version.Version,
            version.MinAdminApiVersion,
            version.MaxAdminApiVersion,
            Uri.TryCreate(version.IngressEndpoint, UriKind.Absolute, out var ingress) ? ingress : null);
    }

    /// <summary>
    /// Asks an invocation to stop: the handler sees a cancellation at its next await and can compensate; it then ends
    /// with a 409 failure. Accepted asynchronously.
    /// </summary>
    /// <exception cref="RestateAdminException">Unknown invocation (404) or already completed (409).</exception>
    public Task CancelInvocationAsync(string invocationId, CancellationToken cancellationToken = default) =>
        PatchInvocationAsync(invocationId, "cancel", cancellationToken);

    /// <summary>Stops an invocation at once, without running any more handler code; it ends with a 409 failure.</summary>
    /// <exception cref="RestateAdminException">Unknown invocation (404) or already completed (409).</exception>
    public Task KillInvocationAsync(string invocationId, CancellationToken cancellationToken = default) =>
        PatchInvocationAsync(invocationId, "kill", cancellationToken);

    /// <summary>Forgets a completed invocation: its result, journal and idempotency key.</summary>
    /// <exception cref="RestateAdminException">Unknown invocation (404) or not completed yet (409).</exception>
    public Task PurgeInvocationAsync(string invocationId, CancellationToken cancellationToken = default) =>
        PatchInvocationAsync(invocationId, "purge", cancellationToken);

    private async Task PatchInvocationAsync(string invocationId, string action, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(invocationId);
        using var response = await SendAsync(
                HttpMethod.Patch, $"invocations/{Uri.EscapeDataString(invocationId)}/{action}", null, cancellationToken)
            .ConfigureAwait(false);
    }

    private async Task<HttpResponseMessage> SendAsync(
        HttpMethod method,
        string relativePath,
        HttpContent? content,
        CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(BaseAddress, relativePath)) { Content = content };
        return await SendAsync(request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Sends and turns any error status into a <see cref="RestateAdminException"/> with the server's message.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            return response;
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw ToException(response.StatusCode, text, request);
        }
    }

    private static RestateAdminException ToException(HttpStatusCode status, string body, HttpRequestMessage request)
    {
        string? message = null;
        string? code = null;
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                if (document.RootElement.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String)
                {
                    message = m.GetString();
                }

                if (document.RootElement.TryGetProperty("restate_code", out var c) && c.ValueKind == JsonValueKind.String)
                {
                    code = c.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // Some admin errors (e.g. a body or path the server cannot parse) are plain text.
        }

        if (string.IsNullOrWhiteSpace(message))
        {
            message = body.Trim().Length > 0
                ? body.Trim()
                : $"The Restate admin API answered {(int)status} {status} to {request.Method} {request.RequestUri?.AbsolutePath}.";
        }

        return new RestateAdminException(message, status, code);
    }

    private static async Task<T> ReadJsonAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, RestateJson.Admin)
                ?? throw new JsonException("The body is the JSON literal null.");
        }
        catch (JsonException e)
        {
            throw new RestateAdminException(
                $"Unexpected admin API answer (not a {typeof(T).Name}): {e.Message} Body: {Truncate(Encoding.UTF8.GetString(bytes))}",
                e);
        }
    }

    private static JsonDocument ParseJson(byte[] bytes, HttpResponseMessage response)
    {
        try
        {
            return JsonDocument.Parse(bytes);
        }
        catch (JsonException e)
        {
            throw new RestateAdminException(
                $"The admin API answered {(int)response.StatusCode} with a body that is not JSON "
                + $"({response.Content.Headers.ContentType?.MediaType ?? "no content type"}).",
                e);
        }
    }

    private static ByteArrayContent JsonContent<T>(T value)
    {
        var content = new ByteArrayContent(JsonSerializer.SerializeToUtf8Bytes(value, RestateJson.Admin));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        return content;
    }

    private static string Truncate(string text) => text.Length <= 500 ? text : text[..500] + "…";

    private sealed record RegisterDeploymentRequest(
        string Uri,
        bool Force,
        bool Breaking,
        [property: JsonPropertyName("use_http_11")] bool UseHttp11,
        bool DryRun,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? AdditionalHeaders,
        [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyDictionary<string, string>? Metadata);

    private sealed record RegisterDeploymentResponse(
        string Id,
        IReadOnlyList<ServiceMetadata>? Services,
        int MinProtocolVersion,
        int MaxProtocolVersion,
        string? SdkVersion);

    private sealed record DeploymentList(IReadOnlyList<DeploymentInfo>? Deployments);

    private sealed record ServiceList(IReadOnlyList<ServiceMetadata>? Services);

    private sealed record QueryRequest(string Query);

    private sealed record VersionResponse(
        string Version,
        int MinAdminApiVersion,
        int MaxAdminApiVersion,
        string? IngressEndpoint);
}

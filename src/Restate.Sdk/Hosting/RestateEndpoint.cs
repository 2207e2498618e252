using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Restate.Sdk.Endpoint;
using Restate.Sdk.Hosting.Identity;
using Restate.Sdk.Serialization;

namespace Restate.Sdk.Hosting;

/// <summary>
/// Answers Restate's requests: discovery, invocations (resolved here, run by the invocation core)
/// and health.
/// </summary>
internal sealed class RestateEndpoint
{
    private const string ServerHeader = "x-restate-server";

    private readonly ServiceRegistry _registry;
    private readonly RestateOptions _options;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger<RestateEndpoint> _logger;
    private readonly RequestIdentityVerifier _identity;
    private readonly byte[]?[] _manifests = new byte[]?[EndpointManifest.MaxVersion + 1];
    private bool _warnedAboutHttpVersion;

    public RestateEndpoint(ServiceRegistry registry, IOptions<RestateOptions> options, ILoggerFactory loggerFactory)
    {
        ArgumentNullException.ThrowIfNull(options);
        _registry = registry;
        _options = options.Value;
        _loggerFactory = loggerFactory;
        _logger = loggerFactory.CreateLogger<RestateEndpoint>();
        Serializer = _options.Serializer ?? new SystemTextJsonRestateSerializer(_options.JsonSerializerOptions);
        _identity = RequestIdentityVerifier.FromOptions(_options);
    }

    public IRestateSerializer Serializer { get; }

    public ProtocolMode ProtocolMode => _options.ProtocolMode;

    /// <summary>Writes every manifest version once, so a bad definition fails at startup.</summary>
    public void PrepareManifests()
    {
        if (_registry.Services.Count == 0)
        {
            _logger.LogWarning("The Restate endpoint serves no services; register them with AddRestate().AddService<T>() and the like.");
        }

        for (var version = EndpointManifest.MinVersion; version <= EndpointManifest.MaxVersion; version++)
        {
            Manifest(version);
        }
    }

    /// <summary>The manifest in one version; definitions cannot change after startup, so it is written once.</summary>
    public byte[] Manifest(int version) =>
        _manifests[version] ??= EndpointManifest.Write(_registry.Services, _options.ProtocolMode, version, Serializer);

    public async Task DiscoverAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (RefuseUnverified(http) is { } refused)
        {
            await refused.ConfigureAwait(false);
            return;
        }

        var accept = http.Request.Headers.Accept.ToString();
        var version = DiscoveryNegotiation.SelectVersion(accept);
        if (version is null)
        {
            _logger.LogWarning("Discovery request accepts none of the manifest versions this SDK writes: {Accept}", accept);
            await WritePlainAsync(
                http,
                StatusCodes.Status415UnsupportedMediaType,
                $"Unsupported Accept '{accept}': this endpoint writes {EndpointManifest.ContentType(EndpointManifest.MinVersion)} to {EndpointManifest.ContentType(EndpointManifest.MaxVersion)}.")
                .ConfigureAwait(false);
            return;
        }

        WarnIfBidiOverHttp1(http);
        var manifest = Manifest(version.Value);
        var response = http.Response;
        response.StatusCode = StatusCodes.Status200OK;

        // Set by hand: Restate compares the content type byte for byte, and a charset breaks it.
        response.Headers.ContentType = EndpointManifest.ContentType(version.Value);
        response.Headers[ServerHeader] = SdkInfo.ServerHeaderValue;
        response.ContentLength = manifest.Length;
        await response.Body.WriteAsync(manifest, http.RequestAborted).ConfigureAwait(false);
    }

    public Task InvokeAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (RefuseUnverified(http) is { } refused)
        {
            return refused;
        }

        if (!TryCreateInvocation(http, out var request, out var status, out var message))
        {
            return WritePlainAsync(http, status, message);
        }

        LiftRequestBodyLimits(http);
        return InvocationPump.RunAsync(http, request);
    }

    /// <summary>
    /// Resolves the handler of an <c>/invoke</c> request and checks its protocol version; on
    /// failure gives the status (404, 415) and a message for the runtime's logs.
    /// </summary>
    internal bool TryCreateInvocation(
        HttpContext http,
        [NotNullWhen(true)] out InvocationRequest? request,
        out int status,
        out string message)
    {
        request = null;
        var serviceName = http.Request.RouteValues["service"] as string ?? string.Empty;
        var handlerName = http.Request.RouteValues["handler"] as string ?? string.Empty;

        if (!_registry.TryGet(serviceName, out var service))
        {
            _logger.LogWarning("Invocation of unknown service {Service}/{Handler}", serviceName, handlerName);
            var known = string.Join(", ", _registry.Services.Select(s => s.Name));
            status = StatusCodes.Status404NotFound;
            message = $"Unknown service '{serviceName}'. This endpoint serves: {(known.Length == 0 ? "no services" : known)}.";
            return false;
        }

        if (!service.TryGetHandler(handlerName, out var handler))
        {
            _logger.LogWarning("Invocation of unknown handler {Service}/{Handler}", serviceName, handlerName);
            status = StatusCodes.Status404NotFound;
            message = $"Unknown handler '{handlerName}' of service '{serviceName}'. Its handlers are: {string.Join(", ", service.Handlers.Select(h => h.Name))}.";
            return false;
        }

        var contentType = http.Request.ContentType;
        var version = InvocationContentType.VersionOf(contentType);
        if (version is null)
        {
            _logger.LogWarning("Invocation of {Service}/{Handler} with unsupported content type {ContentType}", serviceName, handlerName, contentType);
            status = StatusCodes.Status415UnsupportedMediaType;
            message = $"Unsupported content type '{contentType}': this endpoint speaks {InvocationContentType.V5} and {InvocationContentType.V6}.";
            return false;
        }

        // RequestServices is the scope ASP.NET Core opens for this request, i.e. for this invocation attempt.
        request = new InvocationRequest(
            service.Name,
            service.Kind,
            handler.Name,
            handler.Kind,
            handler.Invoker,
            version.Value,
            Serializer,
            http.RequestServices,
            _loggerFactory,
            _options.ProtocolMode == ProtocolMode.RequestResponse);
        status = StatusCodes.Status200OK;
        message = string.Empty;
        return true;
    }

    public static Task HealthAsync(HttpContext http)
    {
        ArgumentNullException.ThrowIfNull(http);
        return WritePlainAsync(http, StatusCodes.Status200OK, "OK");
    }

    // A bidi stream sits idle while the handler waits, and a replayed journal can exceed 30 MB:
    // Kestrel's defaults would abort both. Lifted per request, so the app's other routes keep them.
    internal static void LiftRequestBodyLimits(HttpContext http)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } maxSize)
        {
            maxSize.MaxRequestBodySize = null;
        }

        if (http.Features.Get<IHttpMinRequestBodyDataRateFeature>() is { } minRate)
        {
            minRate.MinDataRate = null;
        }
    }

    /// <summary>
    /// Answers 401 when identity keys are configured and the request's signature does not check
    /// out; <c>null</c> lets the request through. Runs before anything else, so an unverified
    /// caller learns nothing about the services either.
    /// </summary>
    private Task? RefuseUnverified(HttpContext http)
    {
        var reason = _identity.Verify(http, DateTimeOffset.UtcNow);
        if (reason is null)
        {
            return null;
        }

        _logger.LogWarning("Refused a request to {Path} whose Restate request identity did not verify: {Reason}", http.Request.Path, reason);
        return WritePlainAsync(http, StatusCodes.Status401Unauthorized, $"Request identity verification failed. {reason}");
    }

    private void WarnIfBidiOverHttp1(HttpContext http)
    {
        if (_options.ProtocolMode == ProtocolMode.BidiStream && !HttpProtocol.IsHttp2(http.Request.Protocol) && !_warnedAboutHttpVersion)
        {
            _warnedAboutHttpVersion = true;
            _logger.LogWarning(
                "Discovery came over {Protocol} while the endpoint announces BIDI_STREAM, which needs HTTP/2. Listen with ListenRestate(address, port) (HTTP/2 only), or set ProtocolMode.RequestResponse.",
                http.Request.Protocol);
        }
    }

    private static Task WritePlainAsync(HttpContext http, int status, string message)
    {
        var response = http.Response;
        response.StatusCode = status;
        response.Headers.ContentType = "text/plain; charset=utf-8";
        response.Headers[ServerHeader] = SdkInfo.ServerHeaderValue;
        return response.WriteAsync(message, http.RequestAborted);
    }
}

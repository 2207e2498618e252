using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace Restate.Sdk.Bench.Load;

/// <summary>Calls <c>POST /{object}/{key}/{handler}</c> on the Restate ingress; the handler answers the list's new length.</summary>
internal sealed class IngressClient : IDisposable
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private readonly HttpClient _http;
    private readonly string _objectName;
    private readonly string _handlerName;

    public IngressClient(Uri ingress, string objectName, string handlerName)
    {
        var handler = new SocketsHttpHandler
        {
            UseProxy = false,
            MaxConnectionsPerServer = int.MaxValue,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            AutomaticDecompression = DecompressionMethods.None,
        };
        _http = new HttpClient(handler) { BaseAddress = ingress, Timeout = TimeSpan.FromSeconds(60) };
        _objectName = objectName;
        _handlerName = handlerName;
    }

    public async Task<long> AppendAsync(string key, string item, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/{_objectName}/{Uri.EscapeDataString(key)}/{_handlerName}");
        request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes($"\"{item}\""));
        request.Content.Headers.ContentType = Json;
        var (status, body) = await SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (status != HttpStatusCode.OK)
        {
            throw new BenchCallException($"{request.RequestUri} answered {(int)status}: {Truncate(body)}");
        }

        if (!long.TryParse(body, NumberStyles.None, CultureInfo.InvariantCulture, out var length))
        {
            throw new BenchCallException($"{request.RequestUri} answered a body that is not a list length: {Truncate(body)}");
        }

        return length;
    }

    public void Dispose() => _http.Dispose();

    private async Task<(HttpStatusCode Status, string Body)> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
        }
        catch (HttpRequestException e)
        {
            throw new BenchCallException($"{request.RequestUri}: {e.Message} {e.InnerException?.Message}".TrimEnd());
        }
        catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new BenchCallException($"{request.RequestUri}: no answer within {_http.Timeout.TotalSeconds:0} s");
        }
    }

    private static string Truncate(string text) => text.Length <= 300 ? text : text[..300] + "…";
}

using System.Net;
using System.Text;

namespace SkAgentSession.Tests.Support;

/// <summary>A model endpoint that answers every request with the same status and body.</summary>
internal sealed class FixedResponseHandler(HttpStatusCode status, string body) : HttpMessageHandler
{
    private int _requests;

    public int Requests => _requests;

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        return Task.FromResult(new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") });
    }
}

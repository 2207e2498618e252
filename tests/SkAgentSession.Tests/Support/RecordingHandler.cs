using System.Collections.Concurrent;

namespace SkAgentSession.Tests.Support;

/// <summary>Records every request body (and Authorization header) on its way to the model.</summary>
internal sealed class RecordingHandler : DelegatingHandler
{
    public RecordingHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    public ConcurrentQueue<string> Bodies { get; } = new();

    public ConcurrentQueue<string> AuthorizationHeaders { get; } = new();

    public void Clear()
    {
        Bodies.Clear();
        AuthorizationHeaders.Clear();
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.Content is not null)
        {
            Bodies.Enqueue(await request.Content.ReadAsStringAsync(cancellationToken));
        }

        AuthorizationHeaders.Enqueue(request.Headers.Authorization?.ToString() ?? string.Empty);
        return await base.SendAsync(request, cancellationToken);
    }
}

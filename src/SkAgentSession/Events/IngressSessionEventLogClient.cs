using System.Text.Json;
using Restate.Sdk.Clients;
using SkAgentSession.Agents;

namespace SkAgentSession.Events;

/// <summary>Calls <see cref="SessionEventsObject"/> through the Restate ingress.</summary>
public sealed class IngressSessionEventLogClient(RestateIngressClient ingress) : ISessionEventLogClient
{
    public Task<AppendResult> AppendAsync(string sessionId, AppendEvents batch, string idempotencyKey, CancellationToken cancellationToken) =>
        CallAsync<AppendResult>(sessionId, "append", batch, new IngressCallOptions { IdempotencyKey = idempotencyKey }, cancellationToken);

    public Task<EventsRead> ReadAsync(string sessionId, ReadEvents request, CancellationToken cancellationToken) =>
        CallAsync<EventsRead>(sessionId, "read", request, null, cancellationToken);

    private async Task<T> CallAsync<T>(
        string sessionId, string handler, object request, IngressCallOptions? options, CancellationToken cancellationToken)
    {
        IngressResponse response;
        try
        {
            var target = IngressTarget.ForObject(SessionEventsObject.Name, sessionId, handler);
            response = await ingress.CallRawAsync(target, request, options, cancellationToken);
        }
        catch (HttpRequestException failure)
        {
            throw new SessionEventLogException(
                $"The Restate ingress at {ingress.BaseAddress} could not be reached: {failure.Message}", 503, isTransient: true, failure);
        }

        if (!response.IsSuccess)
        {
            var error = response.ToException();
            var status = (int)response.StatusCode;

            // The handler's own 4xx (bad input) will not change on a repeat; anything else may.
            var transient = !(error.ErrorSource == RestateErrorSource.Invocation && status is >= 400 and < 500);
            throw new SessionEventLogException(
                $"{SessionEventsObject.Name}/{sessionId}/{handler} answered {status}: {error.Message}", status, transient, error);
        }

        try
        {
            return JsonSerializer.Deserialize<T>(response.Body.Span, SessionItemJson.Options)
                ?? throw new JsonException("The body is empty.");
        }
        catch (JsonException failure)
        {
            throw new SessionEventLogException(
                $"{SessionEventsObject.Name}/{sessionId}/{handler} answered with a body that is not a {typeof(T).Name}: {failure.Message}", 502, isTransient: false, failure);
        }
    }
}

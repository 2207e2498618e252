using Restate.Sdk.Clients;
using Restate.Sdk.IntegrationTests.Fixtures;

namespace Restate.Sdk.IntegrationTests.Sdk.Infrastructure;

/// <summary>
/// Waits for an invocation's output for a bounded time, so a test whose invocation never completes fails instead of
/// hanging; the failure shows the invocation's <c>sys_invocation</c> row (status, last failure) and the service's output.
/// </summary>
public static class BoundedInvocation
{
    public static async Task<IngressResponse> AttachWithinAsync(
        this RestateServerFixture restate, string invocationId, TimeSpan limit, TestServiceProcess service)
    {
        using var deadline = new CancellationTokenSource(limit);
        try
        {
            return await restate.Ingress.AttachRawAsync(InvocationQuery.ById(invocationId), deadline.Token);
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Invocation {invocationId} did not complete within {limit.TotalSeconds} s. "
                + $"Its row: {await DescribeAsync(restate, invocationId)}\nService output:\n{service.Output}");
        }
    }

    public static async Task<string> DescribeAsync(RestateServerFixture restate, string invocationId)
    {
        var rows = await restate.Admin.QueryAsync(
            $"SELECT status, retry_count, last_failure_error_code, last_failure FROM sys_invocation WHERE id = '{invocationId}'");
        var journal = await restate.Admin.QueryAsync(
            $"SELECT index, entry_type, name, completed, version FROM sys_journal WHERE id = '{invocationId}' ORDER BY index");
        return string.Join("; ", rows) + "\nJournal: " + string.Join("\n  ", journal);
    }
}

using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Net;
using System.Runtime;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using Restate.Sdk.Tests.Hosting;
using Xunit.Abstractions;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.Fuzz;

/// <summary>
/// Thousands of seeded random and mutated requests against a real Kestrel endpoint over h2c: every
/// one gets the right status or a protocol error in time, nothing crashes, no request, handler or
/// memory is left behind, and a valid invocation still works afterwards.
/// </summary>
[Collection(FuzzRunsAlone.Name)]
public sealed class EndpointFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 20261126;
    private const int Cases = 5000;
    private const int WarmUpCases = 400;
    private const int Concurrency = 8;
    private const long AllowedMemoryGrowth = 16 * 1024 * 1024;

    private static readonly TimeSpan PerRequestTimeout = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task The_endpoint_answers_every_bad_request_correctly_and_keeps_working()
    {
        var journals = new FuzzJournals();
        var logs = new RecordingLoggerProvider();
        await using var host = await RestateTestHost.StartAsync(restate =>
        {
            restate.Services.AddSingleton<ILoggerProvider>(logs);
            journals.Register(restate);
        });
        using var gauge = new ActiveRequestGauge(host.Services.GetRequiredService<IMeterFactory>());
        using var client = host.CreateH2cClient();

        // Warm up JIT, pools and buffers with other cases of the same kinds, then take the baseline.
        await RunAsync(client, Generate(Seed + 1, WarmUpCases));
        Assert.True(await gauge.WaitForIdleAsync(TimeSpan.FromSeconds(10)), "requests still in flight after the warm-up");
        var baseline = SettledMemory();

        var stopwatch = Stopwatch.StartNew();
        var (tally, failures) = await RunAsync(client, Generate(Seed, Cases));
        stopwatch.Stop();

        Assert.True(failures.Count == 0, $"{failures.Count} of {Cases} cases (seed {Seed}) went wrong:\n{string.Join("\n", failures.Take(15))}");

        Assert.True(await gauge.WaitForIdleAsync(TimeSpan.FromSeconds(10)), $"{gauge.Active} requests still in flight after the storm");
        var growth = SettledMemory() - baseline;
        Assert.Equal(0, journals.ContextsAlive);
        Assert.True(growth < AllowedMemoryGrowth, $"managed memory grew by {growth / 1024} KiB over the storm");

        Assert.True(logs.ServerErrors.IsEmpty, $"the server logged failures: {string.Join("\n", logs.ServerErrors.Take(5))}");

        await AssertAValidInvocationWorksAsync(client);
        await AssertDiscoveryWorksAsync(client);

        output.WriteLine($"{Cases} cases in {stopwatch.Elapsed.TotalSeconds:F1} s; {journals.Started} handler runs; memory growth {growth / 1024} KiB; {logs.OtherEntries} warnings logged; outcomes:");
        foreach (var (kind, count) in tally.OrderByDescending(t => t.Value))
        {
            output.WriteLine($"  {count,5}  {kind}");
        }

        // The storm must have reached every kind of answer, or it tested less than it claims.
        foreach (var kind in new[] { "200 End", "200 Suspension", "200 Error 571", "200 Error 570", "404", "405", "415", "200 manifest", "aborted" })
        {
            Assert.True(tally.GetValueOrDefault(kind) > 0, $"no case ended in '{kind}'");
        }
    }

    [Fact]
    public void The_generator_is_deterministic_for_a_seed()
    {
        var first = Generate(Seed, 200).Select(c => c.ToString()).ToList();
        var second = Generate(Seed, 200).Select(c => c.ToString()).ToList();

        Assert.Equal(first, second);
    }

    private static IEnumerable<FuzzCase> Generate(int seed, int count)
    {
        var generator = new FuzzCaseGenerator(seed);
        for (var i = 0; i < count; i++)
        {
            yield return generator.Next();
        }
    }

    /// <summary>Runs the cases; keeps only a count per kind of answer and the failures, so the run holds no memory per case.</summary>
    private static async Task<(Dictionary<string, int> Tally, List<string> Failures)> RunAsync(HttpClient client, IEnumerable<FuzzCase> cases)
    {
        var tally = new Dictionary<string, int>();
        var failures = new List<string>();
        await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = Concurrency }, async (fuzzCase, _) =>
        {
            var outcome = await SendAsync(client, fuzzCase);
            lock (tally)
            {
                tally[outcome.Kind] = tally.GetValueOrDefault(outcome.Kind) + 1;
                if (outcome.Failure is not null)
                {
                    failures.Add($"{outcome.Case}\n    -> {outcome.Failure}");
                }
            }
        });
        return (tally, failures);
    }

    private static async Task<FuzzOutcome> SendAsync(HttpClient client, FuzzCase fuzzCase)
    {
        using var request = new HttpRequestMessage(fuzzCase.Method, new Uri(fuzzCase.Path, UriKind.Relative))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
        };
        if (fuzzCase.Method == HttpMethod.Post)
        {
            request.Content = fuzzCase.ChunkSize > 0 || fuzzCase.AbortAfterBody
                ? new StreamedContent(fuzzCase.Body, fuzzCase.ChunkSize, fuzzCase.AbortAfterBody)
                : new ByteArrayContent(fuzzCase.Body);
            if (fuzzCase.ContentType is not null)
            {
                request.Content.Headers.TryAddWithoutValidation("Content-Type", fuzzCase.ContentType);
            }
        }

        if (fuzzCase.Accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", fuzzCase.Accept);
        }

        using var timeout = new CancellationTokenSource(PerRequestTimeout);
        try
        {
            using var response = await client.SendAsync(request, timeout.Token);
            var body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
            return FuzzOracle.Judge(fuzzCase, response, body);
        }
        catch (Exception e) when (fuzzCase.AbortAfterBody && e is HttpRequestException or IOException)
        {
            return new FuzzOutcome(fuzzCase, "aborted", null);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new FuzzOutcome(fuzzCase, "timeout", $"no answer within {PerRequestTimeout.TotalSeconds} s");
        }
        catch (Exception e) when (e is HttpRequestException or IOException)
        {
            return new FuzzOutcome(fuzzCase, "transport error", $"the request failed: {e.GetType().Name}: {e.Message}");
        }
    }

    private static long SettledMemory()
    {
        GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static async Task AssertAValidInvocationWorksAsync(HttpClient client)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/invoke/{FuzzJournals.Service}/echo", UriKind.Relative))
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = new ByteArrayContent(Encode(Start(1), Input("\"still here\""))),
        };
        request.Content.Headers.TryAddWithoutValidation("Content-Type", "application/vnd.restate.invocation.v6");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal([Output("\"still here\""), End()], DecodeAll(await response.Content.ReadAsByteArrayAsync()));
    }

    private static async Task AssertDiscoveryWorksAsync(HttpClient client)
    {
        using var response = await client.GetAsync(new Uri("/discover", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var manifest = JsonDocument.Parse(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(2, manifest.RootElement.GetProperty("services").GetArrayLength());
    }
}

using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;

namespace SkAgentSession.FaultInjection;

/// <summary>
/// One fault-injection run: Restate (our own restate-server, or an external one such as a cluster), the service
/// instances as child processes, the conversations and the fault injector side by side, then the audit of every
/// session's history and, from Restate's journal, of how often each turn's durable steps ran.
/// </summary>
public static class FaultRun
{
    private const int HistoryReadAttempts = 20;

    public static async Task<FaultRunReport> RunAsync(FaultRunOptions options, DurabilityMode durability, TextWriter log, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(log);
        options.Validate();
        var runClock = Stopwatch.StartNew();
        var workDirectory = Path.GetFullPath(options.WorkDirectory ?? Directory.CreateTempSubdirectory("skas-faults-").FullName);
        Directory.CreateDirectory(workDirectory);
        var modelCallLog = Path.Combine(workDirectory, "model-calls.jsonl");

        // Session ids unique to this run: an external Restate keeps the sessions of earlier runs.
        var runId = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(3));

        await using var restate = await StartRestateAsync(options, workDirectory);
        log.WriteLine($"Restate: {restate.Description}");
        await using var balancer = StartBalancer(options, workDirectory);
        var replicas = new List<ServiceProcess>();
        try
        {
            for (var i = 0; i < options.Replicas; i++)
            {
                var name = $"service-{i + 1}";
                replicas.Add(new ServiceProcess(
                    name,
                    options.AppAssembly ?? RepositoryLayout.DefaultAppAssembly,
                    restate.AccessPoints[i % restate.AccessPoints.Count],
                    modelCallLog,
                    Path.Combine(workDirectory, name + ".log"),
                    ReplicaSettings(options, durability, balancer)));
            }

            if (balancer is not null)
            {
                await balancer.StartAsync(replicas.Select(r => r.EndpointUrl), replicas.Select(r => r.ApiUrl));
                log.WriteLine($"load balancer ({balancer.Description}): Restate endpoint {balancer.EndpointUrl}, API {balancer.ApiUrl}, per request over {replicas.Count} replica(s)");
            }

            for (var i = 0; i < replicas.Count; i++)
            {
                await replicas[i].StartAsync();
                log.WriteLine($"{replicas[i].Name}: API {replicas[i].ApiUrl}, endpoint {replicas[i].EndpointUrl} -> Restate {restate.AccessPoints[i % restate.AccessPoints.Count].IngressUrl}");
            }

            if (balancer is not null)
            {
                await BalancedDeployment.RegisterAsync(restate.AccessPoints[0].AdminUrl, balancer.EndpointUrl, options.IdentityKeys.Count > 0, cancellationToken);
                log.WriteLine($"Registered the load balancer {balancer.EndpointUrl} as the deployment"
                    + (options.IdentityKeys.Count > 0 ? "; an unsigned request through it is refused (request identity on)" : string.Empty));
            }

            var apiUrls = balancer is null ? replicas.Select(r => r.ApiUrl).ToList() : [balancer.ApiUrl];

            var scriptRandom = new Random(options.Seed);
            var scripts = Enumerable.Range(1, options.Sessions).Select(n => ConversationScript.Create(runId, n, options, scriptRandom)).ToList();
            var progress = new RunProgress(options.Sessions * options.Turns);
            using var http = new HttpClient(new SocketsHttpHandler { PooledConnectionIdleTimeout = TimeSpan.FromSeconds(5) })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            };
            await DurabilitySettings.ConfirmAsync(http, apiUrls[0], scripts[0].SessionId, durability, cancellationToken);
            var injector = new FaultInjector(options, replicas, restate, progress, log);
            log.WriteLine($"{options.Sessions} conversations x {options.Turns} messages in {DurabilitySettings.Name(durability)} mode (seed {options.Seed}, run {runId}); faults:");

            var cpu = new CpuMeter(new Dictionary<string, Func<IReadOnlyList<int>>>
            {
                ["service replicas"] = () => [.. replicas.SelectMany(r => r.ProcessIds)],
                ["load balancer"] = () => balancer?.ProcessId is { } pid ? [pid] : [],
                ["Restate"] = () => restate.ProcessIds,
            });
            cpu.Start();
            var turns = await ConverseUnderFaultsAsync(scripts, new ConversationClient(http, apiUrls, options, progress), injector, cancellationToken);
            var conversationSeconds = progress.Elapsed.TotalSeconds;
            var cpuSeconds = cpu.Stop();

            log.WriteLine("Auditing histories, the journal and the model call log...");
            var audits = new List<SessionAudit>();
            foreach (var session in turns.GroupBy(t => t.SessionId))
            {
                var history = await ReadHistoryAsync(http, apiUrls[0], session.Key, cancellationToken);
                audits.Add(HistoryAudit.Check([.. session], history));
            }

            var calls = ModelCallLog.ReadByMessage(modelCallLog);
            var sessionPrefix = runId + "-";
            var journals = TurnJournalQuery.Parse(await QueryAsync(restate.AccessPoints[0].AdminUrl, TurnJournalQuery.Sql(sessionPrefix), cancellationToken));
            var toolExecutions = ToolExecutionQuery.Parse(await QueryAsync(restate.AccessPoints[0].AdminUrl, ToolExecutionQuery.Sql(sessionPrefix), cancellationToken));
            var restateFaults = injector.Events.Where(f => f.StruckRestate).Select(RestateFaultWindow.Of).ToList();
            var stepRuns = turns
                .Where(t => t.Outcome == TurnOutcome.Acknowledged)
                .Select(t =>
                {
                    var journal = journals.GetValueOrDefault(t.Message.IdempotencyKey);
                    var tools = journal is null ? [] : toolExecutions[journal.InvocationId];
                    var agentRequests = calls[t.Message.Text].Where(c => !c.IsHistorySummary);
                    return (Turn: t, Runs: StepRunAudit.Check(t, durability, journal, agentRequests, restateFaults, tools));
                })
                .ToList();

            var spread = balancer is null ? null : ReplicaSpread.Of(calls.SelectMany(g => g), replicas.ToDictionary(r => r.Name, r => r.ProcessIds), injector.KilledForGood?.At);
            var movedOff = injector.KilledForGood is { } killed ? TurnsMovedOff(killed.Replica.ProcessIds, calls) : 0;
            var report = BuildReport(options, durability, restate, replicas, turns, audits, stepRuns, injector.Events, progress, calls, workDirectory, runClock.Elapsed.TotalSeconds, conversationSeconds, spread, injector.KilledForGood?.Replica.Name, movedOff, cpuSeconds);
            if (report.Passed && options.WorkDirectory is null && !options.KeepWorkDirectory)
            {
                await DisposeAllAsync(replicas);
                await restate.DisposeAsync();
                TryDelete(workDirectory);
            }

            return report;
        }
        finally
        {
            await DisposeAllAsync(replicas);
        }
    }

    private static ILoadBalancer? StartBalancer(FaultRunOptions options, string workDirectory) =>
        !options.Balancer ? null
        : options.Haproxy ? new HaproxyProcess(workDirectory)
        : new BalancerProcess(RepositoryLayout.DefaultBalancerAssembly, Path.Combine(workDirectory, "balancer.log"));

    private static async Task<IRestateUnderTest> StartRestateAsync(FaultRunOptions options, string workDirectory) =>
        options.UsesExternalRestate
            ? new ExternalRestateUnderTest([.. options.IngressUrls.Zip(options.AdminUrls, (ingress, admin) => new RestateAccessPoint(ingress, admin))], options.KillNodePid, options.RestatePids)
            : await LocalRestateUnderTest.StartAsync(Path.Combine(workDirectory, "restate"));

    /// <summary>Runs all conversations while the injector strikes; if the injector fails (a service that does not come back), the conversations are stopped.</summary>
    private static async Task<List<TurnRecord>> ConverseUnderFaultsAsync(
        List<ConversationScript> scripts,
        ConversationClient client,
        FaultInjector injector,
        CancellationToken cancellationToken)
    {
        using var stopConversations = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var conversationsDone = new CancellationTokenSource();
        var conversations = Task.WhenAll(scripts.Select((script, i) => client.RunAsync(script, i, stopConversations.Token)));
        var faults = injector.RunAsync(conversationsDone.Token);
        if (await Task.WhenAny(conversations, faults) == faults)
        {
            await stopConversations.CancelAsync();
            try
            {
                await conversations;
            }
            catch (OperationCanceledException)
            {
                // Stopped because the injector failed; its exception follows.
            }

            await faults;
            throw new InvalidOperationException("The fault injector stopped before the conversations ended.");
        }

        await conversationsDone.CancelAsync();
        await faults;
        return [.. (await conversations).SelectMany(turns => turns)];
    }

    /// <summary>Reads a session's history through the API, waiting out a Restate that is still recovering.</summary>
    private static async Task<JsonElement> ReadHistoryAsync(HttpClient http, Uri apiUrl, string sessionId, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(apiUrl, $"api/sessions/{sessionId}"), cancellationToken);
                if (response.IsSuccessStatusCode || attempt == HistoryReadAttempts)
                {
                    response.EnsureSuccessStatusCode();
                    using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
                    return body.RootElement.Clone();
                }
            }
            catch (HttpRequestException) when (attempt < HistoryReadAttempts)
            {
                // Retried below.
            }

            await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        }
    }

    /// <summary>Runs SQL through Restate's admin API, waiting out a Restate that is still recovering.</summary>
    private static async Task<IReadOnlyList<JsonElement>> QueryAsync(Uri adminUrl, string sql, CancellationToken cancellationToken)
    {
        using var adminHttp = new HttpClient { BaseAddress = adminUrl, Timeout = TimeSpan.FromMinutes(2) };
        var admin = new Restate.Sdk.Clients.RestateAdminClient(adminHttp);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await admin.QueryAsync(sql, cancellationToken);
            }
            catch (Exception failure) when (failure is HttpRequestException or Restate.Sdk.Clients.RestateAdminException && attempt < HistoryReadAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
            }
        }
    }

    private static FaultRunReport BuildReport(
        FaultRunOptions options,
        DurabilityMode durability,
        IRestateUnderTest restate,
        List<ServiceProcess> replicas,
        List<TurnRecord> turns,
        List<SessionAudit> audits,
        List<(TurnRecord Turn, TurnStepRuns Runs)> stepRuns,
        IReadOnlyList<FaultEvent> faults,
        RunProgress progress,
        ILookup<string, ModelCall> calls,
        string workDirectory,
        double runSeconds,
        double conversationSeconds,
        ReplicaSpread? spread,
        string? killedForGood,
        int turnsMovedOff,
        IReadOnlyDictionary<string, double> cpuSeconds)
    {
        var acknowledged = turns.Where(t => t.Outcome == TurnOutcome.Acknowledged).ToList();
        var latencies = acknowledged.Select(t => t.Latency!.Value.TotalSeconds).Order().ToList();
        var restarts = faults.Where(f => !f.StruckRestate && f.Downtime > TimeSpan.Zero).Select(f => f.Downtime.TotalSeconds).ToList();
        var problems = audits.SelectMany(a => a.Notes.Select(note => $"{a.SessionId}: {note}")).Take(20).ToList();
        problems.AddRange(stepRuns.SelectMany(s => s.Runs.Notes.Select(note => $"{s.Turn.Message.IdempotencyKey}: {note}")).Take(20));
        problems.AddRange(turns.Where(t => t.Outcome != TurnOutcome.Acknowledged).Take(20).Select(t =>
            $"{t.Message.IdempotencyKey}: {t.Outcome} after {t.Attempts} attempts ({t.LastError})"));

        return new FaultRunReport
        {
            Durability = DurabilitySettings.Name(durability),
            Setup = $"{options.Sessions} sessions x {options.Turns} turns, {DurabilitySettings.Name(durability)} mode, seed {options.Seed}, {replicas.Count} service instance(s), {restate.Description}",
            MessagesPlanned = options.Sessions * options.Turns,
            MessagesSent = turns.Count,
            SendAttempts = turns.Sum(t => t.Attempts),
            MessagesRetried = turns.Count(t => t.Attempts > 1),
            Acknowledged = acknowledged.Count,
            NotAcknowledged = turns.Count - acknowledged.Count,
            Duplicated = audits.Sum(a => a.Duplicated),
            Lost = audits.Sum(a => a.Lost),
            Unexpected = audits.Sum(a => a.Unexpected),
            SessionsOutOfOrder = audits.Count(a => a.OutOfOrder),
            MissingReplies = audits.Sum(a => a.MissingReplies),
            MismatchedTurns = audits.Sum(a => a.MismatchedTurns),
            ModelRequests = calls.Sum(g => g.Count()),
            RecomputedTurns = stepRuns.Count(s => s.Runs.Recomputed),
            ModelRequestsRepeated = stepRuns.Sum(s => s.Runs.ModelRequestsRepeated),
            ModelRequestsAfterStore = stepRuns.Sum(s => s.Runs.ModelRequestsAfterStore),
            ModelRequestsRepeatedInOneAttempt = stepRuns.Sum(s => s.Runs.ModelRequestsRepeatedInOneAttempt),
            ToolCallsRecorded = true,
            ToolCalls = stepRuns.Sum(s => s.Runs.ToolCalls),
            ToolCallsRepeated = stepRuns.Sum(s => s.Runs.ToolCallsRepeated),
            ToolCallsAfterStore = stepRuns.Sum(s => s.Runs.ToolCallsAfterStore),
            ToolCallsSeenLateAfterRestateFault = stepRuns.Sum(s => s.Runs.ToolCallsSeenLateAfterRestateFault),
            TurnsWithRepeats = stepRuns.Count(s => s.Runs.ModelRequestsRepeated + s.Runs.ToolCallsRepeated > 0),
            UnaccountedTurns = stepRuns.Count(s => s.Runs.UnaccountedSteps > 0),
            JournalMismatchedTurns = stepRuns.Count(s => s.Runs.JournalMismatches > 0),
            ServiceKills = faults.Count(f => !f.StruckRestate),
            RestateFaults = faults.Count(f => f.StruckRestate),
            TurnsInFlightAtFaults = faults.Sum(f => f.TurnsInFlight),
            RunSeconds = runSeconds,
            ConversationSeconds = conversationSeconds,
            LatencyP50Seconds = Percentile(latencies, 0.50),
            LatencyP95Seconds = Percentile(latencies, 0.95),
            LatencyMaxSeconds = latencies.Count > 0 ? latencies[^1] : 0,
            ServiceRestartMeanSeconds = restarts.Count > 0 ? restarts.Average() : 0,
            ServiceRestartMaxSeconds = restarts.Count > 0 ? restarts.Max() : 0,
            RetryReasons = new Dictionary<string, int>(progress.RetryReasons),
            Spread = spread,
            ReplicaKilledForGood = killedForGood,
            CpuSeconds = cpuSeconds,
            TurnsMovedOffKilledReplica = turnsMovedOff,
            ModelRequestsByInstance = replicas.ToDictionary(r => r.Name, r => r.ProcessIds.Sum(pid => calls.SelectMany(g => g).Count(c => c.ProcessId == pid))),
            Faults = [.. faults.Select(f => $"{f.At.TotalSeconds:0.0} s: {f.Target} {f.Kind}, {f.TurnsInFlight} turns in flight, {f.Downtime.TotalSeconds:0.0} s")],
            Problems = problems,
            WorkDirectory = workDirectory,
        };
    }

    /// <summary>Turns the killed replica had begun (a model request from it) that another replica then carried on.</summary>
    private static int TurnsMovedOff(IReadOnlyList<int> killedProcessIds, ILookup<string, ModelCall> calls) =>
        calls.Count(turn =>
            turn.FirstOrDefault(c => killedProcessIds.Contains(c.ProcessId)) is { } first
            && turn.Any(c => !killedProcessIds.Contains(c.ProcessId) && c.Timestamp > first.Timestamp));

    private static Dictionary<string, string> ReplicaSettings(FaultRunOptions options, DurabilityMode durability, ILoadBalancer? balancer)
    {
        var settings = new Dictionary<string, string>(DurabilitySettings.AppSettings(durability));
        if (balancer is not null)
        {
            // Restate reaches every replica through the balancer, which the run registers once.
            settings["SkAgentSession__RegisterDeployment"] = "false";
            settings["SkAgentSession__AdvertisedEndpointUrl"] = balancer.EndpointUrl.ToString();
        }

        if (options.IdentityKeys.Count > 0)
        {
            settings["RESTATE_IDENTITY_KEYS"] = string.Join(',', options.IdentityKeys);
        }

        foreach (var (name, value) in options.ReplicaEnvironment)
        {
            settings[name] = value;
        }

        return settings;
    }

    private static double Percentile(List<double> sorted, double share) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(share * sorted.Count) - 1)];

    private static async Task DisposeAllAsync(List<ServiceProcess> replicas)
    {
        foreach (var replica in replicas)
        {
            await replica.DisposeAsync();
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by an exiting process; the temp folder is harmless.
        }
    }
}

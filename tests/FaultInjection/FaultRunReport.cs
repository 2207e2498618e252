using System.Text.Json;
using System.Text.Json.Serialization;

namespace SkAgentSession.FaultInjection;

/// <summary>The figures of a run and its verdict.</summary>
public sealed class FaultRunReport
{
    /// <summary>The sessions' durability mode: <c>turn</c> or <c>step</c>.</summary>
    public required string Durability { get; init; }

    public required string Setup { get; init; }

    public int MessagesPlanned { get; init; }

    /// <summary>Distinct messages sent at least once.</summary>
    public int MessagesSent { get; init; }

    public int SendAttempts { get; init; }

    /// <summary>Messages that needed more than one attempt.</summary>
    public int MessagesRetried { get; init; }

    public int Acknowledged { get; init; }

    /// <summary>Sent but never answered with a 200 (refused or given up).</summary>
    public int NotAcknowledged { get; init; }

    public int Duplicated { get; init; }

    public int Lost { get; init; }

    /// <summary>User messages in a history that were never sent.</summary>
    public int Unexpected { get; init; }

    public int SessionsOutOfOrder { get; init; }

    public int MissingReplies { get; init; }

    public int MismatchedTurns { get; init; }

    public int ModelRequests { get; init; }

    /// <summary>Turns with a model request or tool call made after its step's result was stored in the journal.</summary>
    public int RecomputedTurns { get; init; }

    /// <summary>Model requests beyond one execution per step, each made before its step's result was stored (allowed).</summary>
    public int ModelRequestsRepeated { get; init; }

    /// <summary>Model requests made after their step's result was stored.</summary>
    public int ModelRequestsAfterStore { get; init; }

    /// <summary>Repeats of a model request step by the same process with no Restate fault to cut the first one off.</summary>
    public int ModelRequestsRepeatedInOneAttempt { get; init; }

    /// <summary>Whether the run had a record of tool executions; without one the tool figures are zero and say nothing.</summary>
    public bool ToolCallsRecorded { get; init; }

    public int ToolCalls { get; init; }

    /// <summary>Tool executions beyond one per tool call, each before its step's result was stored (allowed).</summary>
    public int ToolCallsRepeated { get; init; }

    public int ToolCallsAfterStore { get; init; }

    /// <summary>Repeated tool executions whose events reached the log only after a Restate fault ended (counted in <see cref="ToolCallsRepeated"/>).</summary>
    public int ToolCallsSeenLateAfterRestateFault { get; init; }

    /// <summary>Turns with a repeated model request or tool call (allowed: cut off before stored).</summary>
    public int TurnsWithRepeats { get; init; }

    /// <summary>Turns with a model step whose requests are missing from the call log.</summary>
    public int UnaccountedTurns { get; init; }

    /// <summary>Turns whose journal lacks a step its items call for, has one they do not, or a step without a stored result.</summary>
    public int JournalMismatchedTurns { get; init; }

    public int ServiceKills { get; init; }

    public int RestateFaults { get; init; }

    /// <summary>Sum over all faults of the turns that were in flight when it struck.</summary>
    public int TurnsInFlightAtFaults { get; init; }

    public double RunSeconds { get; init; }

    public double ConversationSeconds { get; init; }

    public double LatencyP50Seconds { get; init; }

    public double LatencyP95Seconds { get; init; }

    public double LatencyMaxSeconds { get; init; }

    public double ServiceRestartMeanSeconds { get; init; }

    public double ServiceRestartMaxSeconds { get; init; }

    public required IReadOnlyDictionary<string, int> RetryReasons { get; init; }

    /// <summary>Which instance ran the agent turns: model requests by the processes of each service instance.</summary>
    public required IReadOnlyDictionary<string, int> ModelRequestsByInstance { get; init; }

    /// <summary>With a load balancer: the model requests per replica while all were up, and whether that was fair.</summary>
    internal ReplicaSpread? Spread { get; init; }

    /// <summary>The replica killed and not restarted, if any.</summary>
    public string? ReplicaKilledForGood { get; init; }

    /// <summary>Turns begun on <see cref="ReplicaKilledForGood"/> and carried on by another replica.</summary>
    public int TurnsMovedOffKilledReplica { get; init; }

    /// <summary>CPU seconds each part of the system spent while the conversations ran (parts not measured are 0).</summary>
    public IReadOnlyDictionary<string, double> CpuSeconds { get; init; } = new Dictionary<string, double>();

    /// <summary>Acknowledged messages per second of the conversations.</summary>
    public double MessagesPerSecond => ConversationSeconds > 0 ? Acknowledged / ConversationSeconds : 0;

    public required IReadOnlyList<string> Faults { get; init; }

    public required IReadOnlyList<string> Problems { get; init; }

    public required string WorkDirectory { get; init; }

    /// <summary>The reasons the run fails; empty when it passes.</summary>
    public IReadOnlyList<string> Failures
    {
        get
        {
            var failures = new List<string>();
            Add(Duplicated, "duplicated messages");
            Add(Lost, "lost messages");
            Add(RecomputedTurns, "recomputed turns");
            Add(NotAcknowledged, "messages never acknowledged");
            Add(Unexpected, "unexpected user messages");
            Add(SessionsOutOfOrder, "sessions out of order");
            Add(MissingReplies, "messages without their reply");
            Add(MismatchedTurns, "turns stored differently from their answer");
            Add(UnaccountedTurns, "turns whose model requests are missing from the call log");
            Add(ModelRequestsRepeatedInOneAttempt, "model requests repeated with no fault to cut the first off");
            Add(JournalMismatchedTurns, "turns whose journal does not match their items");
            if (Spread is { IsFair: false } spread)
            {
                failures.Add($"turns spread unfairly over the replicas (below half an even share: {(spread.Total == 0 ? "all, none counted" : string.Join(", ", spread.BelowFloor))})");
            }

            return failures;

            void Add(int count, string what)
            {
                if (count != 0)
                {
                    failures.Add($"{count} {what}");
                }
            }
        }
    }

    public bool Passed => Failures.Count == 0;

    public void WriteTo(TextWriter output)
    {
        output.WriteLine($"Fault-injection run: {Setup}");
        output.WriteLine($"  messages sent           {MessagesSent} of {MessagesPlanned} planned ({SendAttempts} HTTP attempts)");
        output.WriteLine($"  retried                 {MessagesRetried} messages ({SendAttempts - MessagesSent} re-sends)");
        output.WriteLine($"  acknowledged            {Acknowledged} (not acknowledged: {NotAcknowledged})");
        output.WriteLine($"  duplicated              {Duplicated}");
        output.WriteLine($"  lost                    {Lost}");
        output.WriteLine($"  recomputed turns        {RecomputedTurns} (model requests after their step was stored {ModelRequestsAfterStore}, tool calls {ToolCallsAfterStore})");
        output.WriteLine($"  other history checks    unexpected {Unexpected}, sessions out of order {SessionsOutOfOrder}, missing replies {MissingReplies}, turns stored differently {MismatchedTurns}");
        output.WriteLine($"  model requests          {ModelRequests} ({string.Join(", ", ModelRequestsByInstance.Select(i => $"{i.Key} {i.Value}"))}); repeated before stored {ModelRequestsRepeated} (in {TurnsWithRepeats} turns), repeated with nothing to cut them off {ModelRequestsRepeatedInOneAttempt}; turns unaccounted {UnaccountedTurns}");
        if (Spread is { } spread)
        {
            output.WriteLine($"  spread                  {spread.Total} model requests while all {spread.RequestsWhileAllUp.Count} replicas were up ({string.Join(", ", spread.RequestsWhileAllUp.Select(r => $"{r.Key} {r.Value}"))}); each needs at least {spread.Floor:0.#}: {(spread.IsFair ? "fair" : "UNFAIR")}");
        }

        if (ReplicaKilledForGood is not null)
        {
            output.WriteLine($"  killed for good         {ReplicaKilledForGood}: {TurnsMovedOffKilledReplica} turns it had begun were carried on by the others");
        }

        output.WriteLine($"  tool calls              {ToolCalls} executions seen in the event log; repeated before stored {ToolCallsRepeated} ({ToolCallsSeenLateAfterRestateFault} of them seen only after a Restate fault held their events back)");
        output.WriteLine($"  journal                 turns whose steps do not match their items {JournalMismatchedTurns}");
        output.WriteLine($"  faults                  {ServiceKills} service kills, {RestateFaults} Restate fault(s), {TurnsInFlightAtFaults} turns in flight at the faults in all");
        output.WriteLine($"  timings                 run {RunSeconds:0.0} s, conversations {ConversationSeconds:0.0} s ({MessagesPerSecond:0.00} messages/s); per message p50 {LatencyP50Seconds:0.00} s, p95 {LatencyP95Seconds:0.00} s, max {LatencyMaxSeconds:0.00} s; service restart mean {ServiceRestartMeanSeconds:0.0} s, max {ServiceRestartMaxSeconds:0.0} s");
        if (CpuSeconds.Values.Any(s => s > 0) && Acknowledged > 0)
        {
            output.WriteLine("  CPU while conversing     " + string.Join(", ", CpuSeconds.Where(c => c.Value > 0).Select(c => $"{c.Key} {c.Value:0.0} s ({1000 * c.Value / Acknowledged:0} ms per message)")));
        }

        if (RetryReasons.Count > 0)
        {
            output.WriteLine("  re-send reasons         " + string.Join("; ", RetryReasons.OrderByDescending(r => r.Value).Select(r => $"{r.Key} x{r.Value}")));
        }

        foreach (var problem in Problems)
        {
            output.WriteLine($"  problem: {problem}");
        }

        output.WriteLine(Summary);
        output.WriteLine(Passed ? "PASSED" : "FAILED: " + string.Join(", ", Failures));
    }

    /// <summary>The run in one line, e.g. <c>step mode: 300/300 acknowledged, duplicated 0, lost 0, recomputed 0 (model requests repeated 7, all cut off before stored; ...)</c>.</summary>
    public string Summary
    {
        get
        {
            var modelRepeats = $"model requests repeated {ModelRequestsRepeated}, " + (ModelRequestsRepeatedInOneAttempt == 0 && ModelRequestsAfterStore == 0
                ? "all cut off before stored"
                : $"{ModelRequestsAfterStore} after stored, {ModelRequestsRepeatedInOneAttempt} with nothing to cut them off");
            var toolRepeats = !ToolCallsRecorded
                ? "tool calls: no record of their executions"
                : $"tool calls repeated {ToolCallsRepeated}, " + (ToolCallsAfterStore == 0 ? "all cut off before stored" : $"{ToolCallsAfterStore} after stored")
                    + (ToolCallsSeenLateAfterRestateFault > 0 ? $" ({ToolCallsSeenLateAfterRestateFault} seen late, held back by a Restate fault)" : string.Empty);
            return $"{Durability} mode: {Acknowledged}/{MessagesPlanned} acknowledged, duplicated {Duplicated}, lost {Lost}, recomputed {RecomputedTurns} ({modelRepeats}; {toolRepeats})";
        }
    }

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Several runs' figures as one JSON object keyed by durability mode.</summary>
    public static string ToJson(IReadOnlyDictionary<string, FaultRunReport> byMode) => JsonSerializer.Serialize(byMode, JsonOptions);

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };
}

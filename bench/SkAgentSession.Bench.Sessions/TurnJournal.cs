using System.Text.Json;
using Restate.Sdk.Local;

namespace SkAgentSession.Bench.Sessions;

/// <summary>
/// A state entry of a turn's journal, read or written, and its size in bytes: a command names its key;
/// the answer to a lazy read (<c>Notification: GetLazyState</c>, the value read) has none.
/// </summary>
internal sealed record StateCommand(string Service, bool Write, string? Key, long Bytes);

/// <summary>What one turn read and wrote, from the journals of its invocations (the turn's, and those it caused on the same key).</summary>
internal sealed record TurnJournalEntries(int Turn, IReadOnlyList<StateCommand> State, IReadOnlyList<string> Steps)
{
    public long WrittenBytes(string service) => State.Where(s => s.Write && s.Service == service).Sum(s => s.Bytes);

    public long ReadBytes(string service) => State.Where(s => !s.Write && s.Service == service).Sum(s => s.Bytes);
}

/// <summary>
/// Reads the turns' journals from Restate's SQL (<c>sys_invocation</c>, <c>sys_journal</c>; kept 24 h after
/// an invocation ends). A turn is an <c>AgentSession/{session}/chat</c> invocation; the invocations on other
/// objects with the same key created after it and before the next turn (its event-log appends, its settings
/// read) count to it, which holds when the session's turns are sent one after another.
/// Sizes are <c>raw_length</c>, the encoded entry: for <c>SetState</c> the key and the value written, for
/// <c>GetEagerState</c> the key and the value read (the value came with the invocation's start), for a lazy
/// read the <c>GetLazyState</c> command (the key) and its notification (the value Restate sent).
/// </summary>
internal sealed class TurnJournal(LocalRestateServer restate)
{
    private const string TurnService = "AgentSession";
    private const string TurnHandler = "chat";

    public async Task<IReadOnlyList<TurnJournalEntries>> ReadAsync(string session, TurnWindow window)
    {
        var invocations = await restate.Admin.QueryAsync(
            "SELECT id, target_service_name, target_handler_name FROM sys_invocation " +
            $"WHERE target_service_key = '{session}' ORDER BY created_at");
        var turnOf = new Dictionary<string, (int Turn, string Service)>();
        var turn = 0;
        foreach (var row in invocations)
        {
            var service = row.GetProperty("target_service_name").GetString()!;
            turn += service == TurnService && row.GetProperty("target_handler_name").GetString() == TurnHandler ? 1 : 0;
            if (window.Holds(turn))
            {
                turnOf[row.GetProperty("id").GetString()!] = (turn, service);
            }
        }

        if (turnOf.Values.Select(t => t.Turn).Distinct().Count() != window.Turns)
        {
            throw new InvalidOperationException($"Restate keeps the invocations of {turnOf.Values.Select(t => t.Turn).Distinct().Count()} of the {window.Turns} turns {window.FirstTurn}–{window.LastTurn} of {session}.");
        }

        var ids = string.Join(",", turnOf.Keys.Select(id => $"'{id}'"));
        var entries = await restate.Admin.QueryAsync(
            "SELECT id, entry_type, name, raw_length, entry_lite_json FROM sys_journal " +
            $"WHERE id IN ({ids}) AND entry_type IN ('Command: SetState', 'Command: GetEagerState', 'Command: GetLazyState', 'Notification: GetLazyState', 'Command: Run') ORDER BY id, index");
        var state = turnOf.Values.Select(t => t.Turn).Distinct().ToDictionary(t => t, _ => new List<StateCommand>());
        var steps = state.Keys.ToDictionary(t => t, _ => new List<string>());
        foreach (var entry in entries)
        {
            var (entryTurn, service) = turnOf[entry.GetProperty("id").GetString()!];
            var type = entry.GetProperty("entry_type").GetString()!;
            if (type == "Command: Run")
            {
                steps[entryTurn].Add(entry.GetProperty("name").GetString()!);
                continue;
            }

            if (type == "Notification: GetLazyState")
            {
                state[entryTurn].Add(new StateCommand(service, Write: false, Key: null, entry.GetProperty("raw_length").GetInt64()));
                continue;
            }

            var command = type["Command: ".Length..];
            var key = JsonDocument.Parse(entry.GetProperty("entry_lite_json").GetString()!).RootElement
                .GetProperty("Command").GetProperty(command).GetProperty("key").GetString()!;
            state[entryTurn].Add(new StateCommand(service, command == "SetState", key, entry.GetProperty("raw_length").GetInt64()));
        }

        return [.. state.Keys.Order().Select(t => new TurnJournalEntries(t, state[t], steps[t]))];
    }
}

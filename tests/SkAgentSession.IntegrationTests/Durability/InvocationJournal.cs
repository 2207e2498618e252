using System.Text.Json;
using Restate.Sdk.Local;

namespace SkAgentSession.IntegrationTests.Durability;

/// <summary>An invocation's journal, as Restate's SQL <c>sys_journal</c> table shows it.</summary>
internal sealed class InvocationJournal
{
    private InvocationJournal(IReadOnlyList<JsonElement> rows) => Rows = rows;

    /// <summary>Every row with every column, in journal order.</summary>
    public IReadOnlyList<JsonElement> Rows { get; }

    /// <summary>
    /// The names of the turn's durable steps (<c>Command: Run</c> entries), in journal order; without the
    /// SDK's own <c>now</c> runs, which journal the clock for <c>ctx.Now()</c> (item timestamps).
    /// </summary>
    public IReadOnlyList<string> StepNames =>
        [.. Rows.Where(r => r.GetProperty("entry_type").GetString() == "Command: Run")
            .Select(r => r.GetProperty("name").GetString()!)
            .Where(name => name != "now")];

    public static async Task<InvocationJournal> ReadAsync(LocalRestateServer restate, string invocationId) =>
        new(await restate.Admin.QueryAsync($"SELECT * FROM sys_journal WHERE id = '{invocationId}' ORDER BY index"));

    /// <summary>The rows, to show in a failed assertion.</summary>
    public override string ToString() => string.Join("\n", Rows.Select(r => r.GetRawText()));
}

using System.Globalization;
using Restate.Sdk.Local;
using SkAgentSession.Bench;
using SkAgentSession.Bench.Sessions;

// Usage: SkAgentSession.Bench.Sessions <repository root>; sizes from the environment (see BenchSettings).
CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
var root = Path.GetFullPath(args.Length > 0 ? args[0] : ".");
var settings = BenchSettings.FromEnvironment();
var appAssembly = Path.Combine(root, "src/SkAgentSession/bin/Release/net10.0/SkAgentSession.dll");
var baseDir = Directory.CreateTempSubdirectory("skas-bench-sessions-");

await using var restate = await LocalRestateServer.StartAsync(new LocalRestateServerOptions
{
    ToolsDirectory = root,
    BaseDirectory = Path.Combine(baseDir.FullName, "restate"),
});
await using var app = await AppUnderTest.StartAsync(
    appAssembly, restate.IngressUrl, restate.AdminUrl, new Dictionary<string, string> { ["ScriptedModel__TokenDelayMs"] = "0" });
using var api = new HttpClient { BaseAddress = app.BaseUrl, Timeout = TimeSpan.FromMinutes(2) };
var poster = new TurnPoster(api);

Console.WriteLine($"scripted model without typing delay (ScriptedModel__TokenDelayMs=0); each turn asks \"{TurnPoster.Question(1)}\" (FAQ agent, one faq_lookup call)");
var sequential = new SequentialSession(poster, app.Pid, restate.Pid);
if (settings.WarmUpTurns > 0)
{
    // A session of its own, long enough to reach summaries and later pages, so every path is compiled before measuring.
    await sequential.RunAsync("bench-warmup-" + Guid.NewGuid().ToString("N")[..8], Math.Max(settings.WarmUpTurns, 2), 1);
    await CpuWindow.WaitUntilIdleAsync(app.Pid, restate.Pid);
}

var session = "bench-long-" + Guid.NewGuid().ToString("N")[..8];
var (early, late) = await sequential.RunAsync(session, settings.Turns, settings.Window);
var journal = new TurnJournal(restate);
Console.WriteLine($"one session, {settings.Turns} turns one after another (after a {settings.WarmUpTurns}-turn warm-up session):");
IReadOnlyList<TurnJournalEntries> lateTurns = [];
foreach (var window in new[] { early, late })
{
    var turns = await journal.ReadAsync(session, window);
    lateTurns = turns;
    Console.WriteLine(
        $"  turns {window.FirstTurn}–{window.LastTurn}: latency p50 {window.MedianMs:F1} ms; CPU per turn: service {window.AppCpuPerTurnMs:F2} ms, restate-server {window.RestateCpuPerTurnMs:F2} ms; " +
        $"state written per turn: AgentSession {turns.Average(t => t.WrittenBytes("AgentSession")):F0} B, SessionEvents {turns.Average(t => t.WrittenBytes("SessionEvents")):F0} B; " +
        $"read per turn: AgentSession {turns.Average(t => t.ReadBytes("AgentSession")):F0} B, SessionEvents {turns.Average(t => t.ReadBytes("SessionEvents")):F0} B; 'summarize history' steps: {turns.Sum(t => t.Steps.Count(s => s == "summarize history"))}");
}

var last = lateTurns[^1];
Console.WriteLine($"  turn {last.Turn} reads (keys):  {string.Join(", ", last.State.Where(s => !s.Write && s.Key is not null).Select(s => $"{s.Service}:{s.Key}"))}");
Console.WriteLine($"  turn {last.Turn} writes: {Describe(last.State.Where(s => s.Write))}");
var cpuEarly = early.AppCpuPerTurnMs + early.RestateCpuPerTurnMs;
var cpuLate = late.AppCpuPerTurnMs + late.RestateCpuPerTurnMs;
Console.WriteLine($"growth latency={late.MedianMs / early.MedianMs:F2} cpu={cpuLate / cpuEarly:F2}");

var concurrent = new ConcurrentSessions(poster);
var (first, final, wall) = await concurrent.RunAsync(settings.Sessions, settings.SessionTurns, settings.SessionWindow);
var total = settings.Sessions * settings.SessionTurns;
Console.WriteLine($"{settings.Sessions} sessions × {settings.SessionTurns} turns at once (after {ConcurrentSessions.WarmUpTurns} turns on as many other sessions; each goes on until all are done): {total} turns in {wall.TotalSeconds:F1} s ({total / wall.TotalSeconds:F1} turns/s overall)");
foreach (var window in new[] { first, final })
{
    Console.WriteLine($"  turns {window.FirstTurn}–{window.LastTurn} of each session: {window.TurnsPerSecond:F1} turns/s, latency p50 {window.MedianMs:F1} ms");
}

Console.WriteLine($"concurrent early={first.TurnsPerSecond:F1} late={final.TurnsPerSecond:F1} turns/s (late/early {final.TurnsPerSecond / first.TurnsPerSecond:F2})");
baseDir.Delete(recursive: true);

static string Describe(IEnumerable<StateCommand> commands) =>
    string.Join(", ", commands.Select(c => $"{c.Service}:{c.Key} {c.Bytes} B"));

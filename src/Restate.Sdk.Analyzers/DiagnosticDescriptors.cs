using Microsoft.CodeAnalysis;

namespace Restate.Sdk.Analyzers;

/// <summary>The rules, in one place so their ids, texts and the README stay in step.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Determinism";

    public static readonly DiagnosticDescriptor CurrentTime = Create(
        DiagnosticIds.CurrentTime,
        "Read the time through the Restate context",
        "'{0}' returns a different value on every replay; use 'await ctx.Now()' in handler code");

    public static readonly DiagnosticDescriptor NewGuid = Create(
        DiagnosticIds.NewGuid,
        "Create GUIDs through the Restate context",
        "'Guid.NewGuid()' returns a different value on every replay; use 'ctx.Random.NextGuid()' in handler code");

    public static readonly DiagnosticDescriptor SystemRandom = Create(
        DiagnosticIds.SystemRandom,
        "Draw random numbers through the Restate context",
        "'{0}' yields different numbers on every replay; use 'ctx.Random' in handler code");

    public static readonly DiagnosticDescriptor BackgroundWork = Create(
        DiagnosticIds.BackgroundWork,
        "Do not start threads or background tasks in handler code",
        "'{0}' runs code outside the journal; use 'ctx.Run' for side effects, or 'ctx.RunAsync'/'ctx.CallAsync' for concurrent durable work");

    public static readonly DiagnosticDescriptor Delay = Create(
        DiagnosticIds.Delay,
        "Wait through the Restate context",
        "'{0}' waits again on every replay and keeps the invocation from suspending; use 'await ctx.Sleep(...)' in handler code");

    public static readonly DiagnosticDescriptor DirectIo = Create(
        DiagnosticIds.DirectIo,
        "Do I/O inside ctx.Run",
        "'{0}' does I/O that is repeated on every replay; move it into 'ctx.Run(...)' so its result is journaled");

    private static DiagnosticDescriptor Create(string id, string title, string message) =>
        new(id, title, message, Category, DiagnosticSeverity.Warning, isEnabledByDefault: true,
            description: "Restate replays handler code on retries; it must make the same durable calls every time.");
}

using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.Fuzz;

/// <summary>
/// The services the fuzzed endpoint serves, and valid request journals for them that the fuzzer
/// mutates. Each handler counts itself while it runs and keeps a weak reference to its context, so
/// the test can see that no handler and no invocation (context, state machine, journal) is left behind.
/// </summary>
internal sealed class FuzzJournals
{
    public const string Service = "Fuzz";
    public const string Object = "FuzzObject";

    private readonly System.Collections.Concurrent.ConcurrentQueue<WeakReference> _contexts = new();

    /// <summary>Valid journals: name, path, frames. Each, sent whole, completes with Output and End (or suspends).</summary>
    public static IReadOnlyList<(string Name, string Path, StateMachine.Frame[] Frames)> Valid { get; } =
    [
        ("echo", $"/invoke/{Service}/echo", [Start(1), Input("\"hello\"")]),
        ("work", $"/invoke/{Service}/work", [Start(3), Input("\"x\""), Command(new RunCommandMessage { ResultCompletionId = 1, Name = "step" }), Completion(MessageType.RunCompletionNotification, 1, "\"x!\"")]),
        ("work-suspends", $"/invoke/{Service}/work", [Start(2), Input("\"x\""), Command(new RunCommandMessage { ResultCompletionId = 1, Name = "step" })]),
        ("add", $"/invoke/{Object}/add", [Start(1, key: "k", state: new Dictionary<string, string> { ["count"] = "2" }), Input("3")]),
        ("add-replayed", $"/invoke/{Object}/add", [
            Start(3, key: "k", state: new Dictionary<string, string> { ["count"] = "2" }),
            Input("3"),
            Command(new GetEagerStateCommandMessage { Key = Utf8("count"), Value = Value("2") }),
            Command(new SetStateCommandMessage { Key = Utf8("count"), Value = Value("5") }),
        ]),
    ];

    /// <summary>How many handlers ran.</summary>
    public int Started => _contexts.Count;

    /// <summary>How many of the contexts handed to handlers are still reachable (call after a full GC).</summary>
    public int ContextsAlive => _contexts.Count(c => c.IsAlive);

    public void Register(RestateBuilder restate)
    {
        restate
            .AddService(Service, service => service
                .Handler("echo", (IContext ctx, string text) => Counted(ctx, () => Task.FromResult(text)))
                .Handler("work", (IContext ctx, string text) => Counted(ctx, () => ctx.Run("step", _ => Task.FromResult(text + "!")))))
            .AddVirtualObject(Object, service => service
                .Handler("add", (IObjectContext ctx, int delta) => Counted(ctx, async () =>
                {
                    var count = await ctx.Get<int>("count") + delta;
                    ctx.Set("count", count);
                    return count;
                })));
    }

    // A suspended attempt never resumes its handler, so a handler that waited stays unfinished for good: what
    // must hold is that nothing keeps its context (and the code waiting in it) alive.
    private Task<T> Counted<T>(IContext context, Func<Task<T>> body)
    {
        _contexts.Enqueue(new WeakReference(context));
        return body();
    }
}

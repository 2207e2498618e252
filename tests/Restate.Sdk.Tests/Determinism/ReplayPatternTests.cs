using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using Restate.Sdk.Tests.StateMachine;
using static Restate.Sdk.Tests.Determinism.JournalQueries;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>
/// Ordinary .NET awaiting patterns, each through the whole <see cref="ReplayOracle"/>: live, the
/// whole journal replayed, every prefix replayed and continued, request/response with
/// suspensions, in protocol V5 and V6.
/// </summary>
public class ReplayPatternTests
{
    /// <summary>Seed 3 never delivers before the SDK is quiet (see <see cref="RandomDeliveryPolicy"/>).</summary>
    private static readonly int[] Seeds = [3, 4, 5];

    private static readonly ulong Now = (ulong)FixedTime.Now.ToUnixTimeMilliseconds();

    [Fact]
    public async Task A_timer_started_before_setting_state_and_awaited_after()
    {
        var check = DeterminismCase.WithOutput(
            nameof(A_timer_started_before_setting_state_and_awaited_after),
            async ctx =>
            {
                var timer = ctx.Sleep(TimeSpan.FromSeconds(1), "timer");
                ctx.Set("k", 1);
                await timer;
                return "done";
            },
            "done");
        await CheckAsync(check);

        // The journal when the state write reaches the runtime before the timer fires (the live runs
        // get it only if the SDK sends the write before it waits).
        await ReplayOracle.CheckRecordedJournalAsync(
            check,
            [
                Input(),
                Command(new SleepCommandMessage { WakeUpTime = Now + 1000, ResultCompletionId = 1, Name = "timer" }),
                Command(new SetStateCommandMessage { Key = Utf8("k"), Value = Value("1") }),
                Completion(MessageType.SleepCompletionNotification, 1),
                Output("\"done\""),
            ]);
    }

    [Fact]
    public async Task Two_runs_awaited_with_Task_WhenAll()
    {
        await CheckAsync(
            DeterminismCase.WithOutput(
                nameof(Two_runs_awaited_with_Task_WhenAll),
                async ctx =>
                {
                    var a = ctx.Run("a", _ => Task.FromResult(1));
                    var b = ctx.Run("b", _ => Task.FromResult(2));
                    var both = await Task.WhenAll(a, b);
                    return both[0] * 10 + both[1];
                },
                12));
    }

    [Fact]
    public async Task Task_WhenAny_over_a_sleep_and_a_run()
    {
        await CheckAsync(
            new DeterminismCase(
                nameof(Task_WhenAny_over_a_sleep_and_a_run),
                () => async ctx =>
                {
                    var sleep = ctx.Sleep(TimeSpan.FromSeconds(1), "sleep");
                    var run = ctx.Run("run", _ => Task.FromResult(5));
                    var first = await Task.WhenAny(sleep, run);
                    return first == sleep ? "sleep" : "run";
                },
                journal => DeterminismCase.Json(FirstCompleted(journal, "sleep", "run") == 0 ? "sleep" : "run")));
    }

    [Fact]
    public async Task DurableFuture_All_Any_and_Race_over_runs_timers_and_awakeables()
    {
        await CheckAsync(
            new DeterminismCase(
                nameof(DurableFuture_All_Any_and_Race_over_runs_timers_and_awakeables),
                () => async ctx =>
                {
                    var run = ctx.RunAsync("r1", _ => Task.FromResult("r1"));
                    var awakeable = ExternalResolver.PublishedAwakeable(ctx, "a1");
                    await DurableFuture.All(run, ctx.Timer(TimeSpan.FromSeconds(1), "t1"), awakeable.Value);
                    var any = await DurableFuture.Any(
                        ctx.RunAsync("r2", _ => Task.FromResult("r2")),
                        ctx.Timer(TimeSpan.FromSeconds(1), "t2"),
                        ExternalResolver.PublishedAwakeable(ctx, "a2").Value);
                    var race = await DurableFuture.Race(
                        ctx.RunAsync("r3", _ => Task.FromResult("r3")),
                        ExternalResolver.PublishedAwakeable(ctx, "a3").Value);
                    return $"{await run}{await awakeable.Value}|{any}|{race}";
                },
                journal => DeterminismCase.Json(
                    $"r1a1|{FirstCompleted(journal, "r2", "t2", "a2")}|{(FirstCompleted(journal, "r3", "a3") == 0 ? "r3" : "a3")}")));
    }

    [Fact]
    public async Task Two_async_helpers_run_concurrently_each_awaiting_a_run_then_setting_state()
    {
        await CheckAsync(
            DeterminismCase.WithOutput(
                nameof(Two_async_helpers_run_concurrently_each_awaiting_a_run_then_setting_state),
                async ctx =>
                {
                    var steps = await Task.WhenAll(Step(ctx, "a"), Step(ctx, "b"));
                    return string.Join(",", steps);
                },
                "a,b"));

        static async Task<string> Step(IObjectContext ctx, string name)
        {
            var value = await ctx.Run(name, _ => Task.FromResult(name));
            ctx.Set(name, value);
            return value;
        }
    }

    [Fact]
    public async Task Continuations_after_ConfigureAwait_false()
    {
        await CheckAsync(
            DeterminismCase.WithOutput(
                nameof(Continuations_after_ConfigureAwait_false),
                async ctx =>
                {
                    var first = await ctx.Run("first", _ => Task.FromResult(1)).ConfigureAwait(false);
                    ctx.Set("first", first);
                    var timer = ctx.Sleep(TimeSpan.FromSeconds(1), "timer");
                    var second = await ctx.Run("second", async _ =>
                    {
                        await Task.Yield();
                        return 2;
                    }).ConfigureAwait(false);
                    await timer.ConfigureAwait(false);
                    ctx.Set("second", second);
                    var helpers = await Task.WhenAll(Helper(ctx, "x"), Helper(ctx, "y")).ConfigureAwait(false);
                    return $"{first}{second}{string.Concat(helpers)}";
                },
                "12xy"));

        static async Task<string> Helper(IObjectContext ctx, string name)
        {
            await ctx.Sleep(TimeSpan.FromSeconds(1), name).ConfigureAwait(false);
            var value = await ctx.Run(name, _ => Task.FromResult(name)).ConfigureAwait(false);
            ctx.Set(name, value);
            return value;
        }
    }

    [Fact]
    public async Task ConfigureAwait_false_over_helpers_that_await_without_it_in_concurrent_branches()
    {
        // The mix library code produces: helpers that await plainly, awaited with ConfigureAwait(false), in
        // branches that run concurrently and each write state after their await.
        await CheckAsync(
            DeterminismCase.WithOutput(
                nameof(ConfigureAwait_false_over_helpers_that_await_without_it_in_concurrent_branches),
                async ctx =>
                {
                    var results = await Task.WhenAll(Branch(ctx, "a"), Branch(ctx, "b"), Branch(ctx, "c")).ConfigureAwait(false);
                    return string.Concat(results);
                },
                "a1b1c1"));

        static async Task<string> Branch(IObjectContext ctx, string name)
        {
            var value = await Plain(ctx, name).ConfigureAwait(false);
            ctx.Set(name, value);
            await ctx.Sleep(TimeSpan.FromSeconds(1), name);
            return name + value;
        }

        static async Task<int> Plain(IObjectContext ctx, string name) => await ctx.Run(name, _ => Task.FromResult(1));
    }

    [Fact]
    public async Task A_run_whose_first_attempt_fails_transiently_inside_Task_WhenAll()
    {
        await CheckAsync(
            new DeterminismCase(
                nameof(A_run_whose_first_attempt_fails_transiently_inside_Task_WhenAll),
                () =>
                {
                    var attempts = 0;
                    return async ctx =>
                    {
                        var flaky = ctx.Run("flaky", _ => Interlocked.Increment(ref attempts) == 1
                            ? throw new InvalidOperationException($"{DeterminismCase.TransientMarker} failure of the first attempt")
                            : Task.FromResult(1));
                        var steady = ctx.Run("steady", _ => Task.FromResult(2));
                        var both = await Task.WhenAll(flaky, steady);
                        return both[0] + both[1];
                    };
                },
                _ => DeterminismCase.Json(3)));
    }

    [Fact]
    public async Task Task_WhenAny_over_a_long_sleep_and_an_awakeable_suspends_waiting_for_both()
    {
        var runs = await CheckAsync(
            DeterminismCase.WithOutput(
                nameof(Task_WhenAny_over_a_long_sleep_and_an_awakeable_suspends_waiting_for_both),
                async ctx =>
                {
                    var awakeable = ctx.Awakeable<string>();
                    var sleep = ctx.Sleep(TimeSpan.FromHours(1), "long");
                    var first = await Task.WhenAny(sleep, awakeable.Value.AsTask());
                    return first == sleep ? "slept" : "woken";
                },
                "slept"));

        foreach (var run in runs)
        {
            var suspension = run.Suspending.Suspensions[0];
            Assert.Equal([1u], suspension.WaitingCompletions);
            Assert.Contains(17u, suspension.WaitingSignals);
        }
    }

    private static async Task<IReadOnlyList<OracleRuns>> CheckAsync(DeterminismCase check)
    {
        var runs = new List<OracleRuns>();
        foreach (var seed in Seeds)
        {
            runs.AddRange(await ReplayOracle.CheckAsync(check, seed));
        }

        return runs;
    }
}

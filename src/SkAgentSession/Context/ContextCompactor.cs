using Microsoft.Extensions.Options;
using Restate.Sdk;
using SkAgentSession.Models;
using SkAgentSession.Sessions;

namespace SkAgentSession.Context;

/// <summary>
/// Keeps the model's context bounded: before a turn, when the items after the summary exceed the
/// budget, it folds the older ones into a new summary in a durable step of its own
/// (<see cref="StepName"/>) and stores it. The transcript is not touched.
/// </summary>
public sealed class ContextCompactor(HistorySummarizer summarizer, IOptions<ContextOptions> options)
{
    public const string StepName = "summarize history";

    internal async Task CompactAsync(IObjectContext ctx, SessionState state, RunOptions runOptions)
    {
        if (ContextWindow.NextCut(state.Items, state.Summary, options.Value) is not { } cut)
        {
            return;
        }

        var previous = state.Summary;
        var covered = previous?.CoversItems ?? 0;
        var folded = state.Items.From(covered).Take(cut - covered).ToList();
        var text = await ctx.Run(
            StepName,
            async ct =>
            {
                try
                {
                    return await summarizer.SummarizeAsync(previous?.Text, folded, ct);
                }
                catch (NonRetryableModelException failure)
                {
                    throw new TerminalException($"the model refused the summary request ({failure.Message})", 502);
                }
            },
            runOptions);
        state.Summary = new HistorySummary { Text = text, CoversItems = cut, Timestamp = await ctx.Now() };
        ctx.Set(HistorySummary.StateKey, state.Summary);
    }
}

using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using Restate.Sdk.Tests.StateMachine;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>
/// Finds operations in a journal by label: the name of a run, sleep or call, or the value an
/// awakeable was published with (<see cref="ExternalResolver"/>).
/// </summary>
internal static class JournalQueries
{
    /// <summary>The index of the label that the journal completes first (races are won that way).</summary>
    public static int FirstCompleted(IReadOnlyList<Frame> journal, params string[] labels)
    {
        var positions = labels.Select(label => CompletionPosition(journal, label)).ToArray();
        return Array.IndexOf(positions, positions.Min());
    }

    /// <summary>Where the journal completes the labelled operation; int.MaxValue when it does not.</summary>
    public static int CompletionPosition(IReadOnlyList<Frame> journal, string label)
    {
        var key = KeyOf(journal, label) ?? throw new ArgumentException($"No operation '{label}' in the journal.", nameof(label));
        for (var i = 0; i < journal.Count; i++)
        {
            if (journal[i].Type.IsNotification() && NotificationKey.Of(journal[i]) == key)
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    private static NotificationKey? KeyOf(IReadOnlyList<Frame> journal, string label)
    {
        foreach (var entry in journal)
        {
            switch (entry.Message)
            {
                case RunCommandMessage run when run.Name == label:
                    return NotificationKey.Completion(run.ResultCompletionId);
                case SleepCommandMessage sleep when sleep.Name == label:
                    return NotificationKey.Completion(sleep.ResultCompletionId);
                case CallCommandMessage call when call.Name == label:
                    return NotificationKey.Completion(call.ResultCompletionId);
                case OneWayCallCommandMessage { ServiceName: ExternalResolver.Service } send
                    when ExternalResolver.Read(send.Parameter.Span) is { } resolution && resolution.Value == label:
                    return NotificationKey.Signal(ExternalResolver.SignalIdOf(resolution.Id));
            }
        }

        return null;
    }
}

using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;

namespace Restate.Sdk.StateMachine;

/// <summary>
/// Terminal transitions: End after the output, Suspension, ErrorMessage, and an aborted connection.
/// Exactly one of End, Suspension or Error closes the output; nothing is written after it.
/// </summary>
internal sealed partial class InvocationStateMachine
{
    /// <summary>
    /// Reports a retryable failure of the attempt (typically an exception from user code):
    /// writes <c>ErrorMessage</c> and closes. Ignored once closed.
    /// </summary>
    public void NotifyError(InvocationError error)
    {
        if (IsClosed)
        {
            return;
        }

        WriteError(error);
        Close(ClosedReason.Failed, new ProtocolException(error.Code, error.Message));
    }

    /// <summary>The connection broke: close without writing anything, failing every later call.</summary>
    public void NotifyAborted(string reason)
    {
        if (IsClosed)
        {
            return;
        }

        _output.Close();
        Close(ClosedReason.Aborted, new OperationCanceledException(reason));
    }

    /// <summary>Writes the final <c>EndMessage</c>, after the output.</summary>
    public void SysEnd()
    {
        if (IsClosed)
        {
            ThrowIfClosedUnlessEnded();
            return;
        }

        Guard(() =>
        {
            if (State != InvocationState.Processing)
            {
                throw UnexpectedState("SysEnd");
            }

            _output.Write(MessageType.End, new EndMessage());
            _output.Close();
            Close(ClosedReason.Ended, null);
        });
    }

    private void Suspend(IEnumerable<NotificationId> awaited)
    {
        var message = new SuspensionMessage();
        foreach (var id in awaited)
        {
            switch (id.Kind)
            {
                case NotificationIdKind.Completion:
                    message.WaitingCompletions.Add(id.Id);
                    break;
                case NotificationIdKind.Signal:
                    message.WaitingSignals.Add(id.Id);
                    break;
                default:
                    message.WaitingNamedSignals.Add(id.Name);
                    break;
            }
        }

        Sort(message.WaitingCompletions);
        Sort(message.WaitingSignals);
        _output.Write(MessageType.Suspension, message);
        _output.Close();
        Close(ClosedReason.Suspended, null);
    }

    private static void Sort(Google.Protobuf.Collections.RepeatedField<uint> field)
    {
        if (field.Count < 2)
        {
            return;
        }

        var sorted = field.Order().ToArray();
        field.Clear();
        field.AddRange(sorted);
    }

    private void WriteError(InvocationError error)
    {
        var message = new ErrorMessage
        {
            Code = (uint)error.Code,
            Message = error.Message,
            Stacktrace = error.Stacktrace,
        };
        var related = error.RelatedCommand ?? _journal.CurrentCommand;
        if (related is { } command)
        {
            message.RelatedCommandIndex = (uint)command.Index;
            message.RelatedCommandName = command.Name;
            message.RelatedCommandType = (uint)command.Type;
        }

        if (error.NextRetryDelay is { } delay)
        {
            message.NextRetryDelay = (ulong)Math.Max(0, delay.TotalMilliseconds);
        }

        _output.Write(MessageType.Error, message);
        _output.Close();
    }
}

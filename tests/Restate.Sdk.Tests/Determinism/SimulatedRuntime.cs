using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using Restate.Sdk.Tests.StateMachine;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>
/// Plays restate-server for one invocation at frame level. It appends the commands the SDK writes
/// to the journal and answers them by appending notifications: a run's result after its proposal,
/// a sleep's completion, a call's invocation id and then its result, an awakeable's signal once
/// its id was handed to <see cref="ExternalResolver"/>, a lazy state read's value. A failed attempt
/// is followed by a new one that replays the journal so far. The other partial files drive the
/// attempts: live over a bidi stream, or request/response with suspensions.
/// </summary>
internal sealed partial class SimulatedRuntime
{
    /// <summary>Failed attempts after which the runtime gives up (a case fails a closure once or twice).</summary>
    private const int MaxFailedAttempts = 12;

    private readonly InvocationSetup _setup;
    private readonly List<Frame> _journal = [];
    private readonly List<Frame> _owed = [];
    private readonly Dictionary<uint, Frame> _callResults = [];
    private readonly Dictionary<string, string> _state;
    private readonly List<IReadOnlyList<Frame>> _attemptFrames = [];
    private readonly List<SuspensionMessage> _suspensions = [];
    private readonly List<ErrorMessage> _retriedErrors = [];
    private uint _failuresSinceLastEntry;

    /// <param name="setup">The handler and its invocation.</param>
    /// <param name="journal">The journal so far, at least the InputCommand; what it owes is owed again.</param>
    public SimulatedRuntime(InvocationSetup setup, IEnumerable<Frame> journal)
    {
        _setup = setup;
        _state = new Dictionary<string, string>(setup.InitialState);
        foreach (var entry in journal)
        {
            Append(entry);
        }

        if (_journal.Count == 0 || _journal[0].Type != MessageType.InputCommand)
        {
            throw new ArgumentException("A journal starts with the InputCommand.", nameof(journal));
        }
    }

    public static IReadOnlyList<Frame> NewJournal(string inputJson = "null") => [Frame.Input(inputJson)];

    public IReadOnlyList<Frame> Journal => _journal;

    /// <summary>Notifications the runtime has yet to append, in the order they became owed.</summary>
    public IReadOnlyList<Frame> Owed => _owed;

    private Frame StartFrame() => Frame.Start(
        (uint)_journal.Count,
        key: InvocationSetup.ObjectKey,
        state: _setup.PartialState ? [] : _state,
        partialState: _setup.PartialState,
        retryCount: _failuresSinceLastEntry);

    private InvocationHarness StartAttempt(bool requestResponse, Action<object?>? onReturn = null)
    {
        var handler = _setup.Handler;
        return InvocationHarness.Start(
            async (ctx, _) =>
            {
                var result = await handler(ctx);
                onReturn?.Invoke(result);
                return result;
            },
            requestResponse: requestResponse,
            version: _setup.Version);
    }

    private RuntimeOutcome Outcome() => new(
        [.. _journal],
        FrameKinds.OutputOf(_journal) ?? throw DeterminismViolation.With("The invocation ended without an OutputCommand.", _journal),
        [.. _attemptFrames],
        [.. _suspensions],
        [.. _retriedErrors]);

    /// <summary>Accepts a failed attempt to be retried, or throws when it must not have failed.</summary>
    private void OnAttemptFailed(ErrorMessage error)
    {
        if (error.Code == 570 || !_setup.IsRetryable(error))
        {
            throw DeterminismViolation.With($"The attempt failed with ErrorMessage {error.Code}: {error.Message}", _journal);
        }

        _retriedErrors.Add(error);
        _failuresSinceLastEntry++;
        if (_retriedErrors.Count >= MaxFailedAttempts)
        {
            throw DeterminismViolation.With($"Still failing after {MaxFailedAttempts} failed attempts: {error.Message}", _journal);
        }
    }

    /// <summary>Takes a frame the SDK wrote during an attempt (not End, Suspension or Error).</summary>
    private void OnSdkFrame(Frame frame)
    {
        if (frame.Type.IsCommand())
        {
            Append(frame);
        }
        else if (frame.Message is ProposeRunCompletionMessage proposal)
        {
            _owed.Add(RunCompletion(proposal));
        }
        else
        {
            throw DeterminismViolation.With($"The SDK wrote an unexpected frame: {frame}", _journal);
        }
    }

    /// <summary>Appends notifications the runtime owes to the journal (delivering them is the caller's part).</summary>
    private void AppendOwed(IEnumerable<Frame> notifications)
    {
        foreach (var notification in notifications)
        {
            if (!_owed.Remove(notification))
            {
                throw new InvalidOperationException($"Not owed: {notification}");
            }

            Append(notification);
        }
    }

    private void Append(Frame entry)
    {
        _journal.Add(entry);
        _failuresSinceLastEntry = 0;
        if (entry.Type.IsNotification())
        {
            OnNotificationAppended(entry);
        }
        else
        {
            OnCommandAppended(entry);
        }
    }

    private void OnNotificationAppended(Frame notification)
    {
        var key = NotificationKey.Of(notification);
        _owed.RemoveAll(f => NotificationKey.Of(f) == key);
        if (_callResults.Remove(key.Id, out var result) && !key.IsSignal)
        {
            // The callee runs once it exists: its result follows its invocation id.
            _owed.Add(result);
        }
    }

    private void OnCommandAppended(Frame command)
    {
        switch (command.Message)
        {
            case InputCommandMessage or OutputCommandMessage or RunCommandMessage or CompleteAwakeableCommandMessage or SendSignalCommandMessage:
                break;
            case SleepCommandMessage sleep:
                _owed.Add(Frame.Completion(MessageType.SleepCompletionNotification, sleep.ResultCompletionId));
                break;
            case CallCommandMessage call:
                _owed.Add(Frame.InvocationIdCompletion(call.InvocationIdNotificationIdx, $"inv_call_{call.ResultCompletionId}"));
                _callResults[call.InvocationIdNotificationIdx] = Frame.Completion(
                    MessageType.CallCompletionNotification,
                    call.ResultCompletionId,
                    call.Parameter.IsEmpty ? "null" : Frame.Text(call.Parameter));
                break;
            case OneWayCallCommandMessage send:
                _owed.Add(Frame.InvocationIdCompletion(send.InvocationIdNotificationIdx, $"inv_send_{send.InvocationIdNotificationIdx}"));
                if (send is { ServiceName: ExternalResolver.Service, HandlerName: ExternalResolver.Handler })
                {
                    var resolution = ExternalResolver.Read(send.Parameter.Span);
                    var value = System.Text.Encoding.UTF8.GetString(TestJsonSerializer.Json(resolution.Value));
                    _owed.Add(Frame.Signal(ExternalResolver.SignalIdOf(resolution.Id), value));
                }

                break;
            case SetStateCommandMessage set:
                _state[Frame.Text(set.Key)] = Frame.Text(set.Value.Content);
                break;
            case ClearStateCommandMessage clear:
                _state.Remove(Frame.Text(clear.Key));
                break;
            case ClearAllStateCommandMessage:
                _state.Clear();
                break;
            case GetEagerStateCommandMessage or GetEagerStateKeysCommandMessage:
                break;
            case GetLazyStateCommandMessage get:
                _owed.Add(_state.TryGetValue(Frame.Text(get.Key), out var stored)
                    ? Frame.Completion(MessageType.GetLazyStateCompletionNotification, get.ResultCompletionId, stored)
                    : Frame.Completion(MessageType.GetLazyStateCompletionNotification, get.ResultCompletionId));
                break;
            case GetLazyStateKeysCommandMessage keys:
                _owed.Add(Frame.StateKeysCompletion(keys.ResultCompletionId, [.. _state.Keys.Order(StringComparer.Ordinal)]));
                break;
            default:
                throw new NotSupportedException($"The simulated runtime does not answer {command}.");
        }
    }

    private static Frame RunCompletion(ProposeRunCompletionMessage proposal) =>
        proposal.ResultCase == ProposeRunCompletionMessage.ResultOneofCase.Failure
            ? Frame.CompletionFailure(MessageType.RunCompletionNotification, proposal.ResultCompletionId, proposal.Failure.Code, proposal.Failure.Message)
            : Frame.Completion(MessageType.RunCompletionNotification, proposal.ResultCompletionId, Frame.Text(proposal.Value));
}

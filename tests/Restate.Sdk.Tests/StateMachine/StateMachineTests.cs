using Restate.Sdk.Protocol;
using Restate.Sdk.Protocol.Messages;
using Restate.Sdk.StateMachine;
using static Restate.Sdk.Tests.StateMachine.Frame;

namespace Restate.Sdk.Tests.StateMachine;

/// <summary>Drives the I/O-free state machine directly: bytes in, calls, frames out.</summary>
public class StateMachineTests
{
    private static InvocationStateMachine Machine(params Frame[] input)
    {
        var machine = new InvocationStateMachine(ServiceProtocolVersion.V6);
        machine.NotifyInput(Encode(input));
        return machine;
    }

    private static List<Frame> Output(InvocationStateMachine machine) => DecodeAll(machine.TakeOutput());

    [Fact]
    public void Known_entries_counts_notifications_too()
    {
        var machine = Machine(Start(3), Input(), Command(new SleepCommandMessage { ResultCompletionId = 1 }));
        Assert.False(machine.IsReadyToExecute);

        machine.NotifyInput(Encode(Completion(MessageType.SleepCompletionNotification, 1)));

        Assert.True(machine.IsReadyToExecute);
        Assert.True(machine.IsReplaying);
    }

    [Fact]
    public void Completion_and_signal_ids_are_deterministic()
    {
        var machine = Machine(Start(1, partialState: true), Input());
        machine.SysInput();

        machine.SysStateGet("unknown");
        machine.SysCall(new CallRequest("S", "h", null, default));
        machine.SysSleep(10);
        machine.SysRun("r");
        machine.SysSend(new CallRequest("S", "h", null, default), 0);
        machine.SysAwakeable();
        machine.SysAwakeable();

        var frames = Output(machine);
        Assert.Equal(1u, ((GetLazyStateCommandMessage)frames[0].Message).ResultCompletionId);
        var call = (CallCommandMessage)frames[1].Message;
        Assert.Equal((2u, 3u), (call.InvocationIdNotificationIdx, call.ResultCompletionId));
        Assert.Equal(4u, ((SleepCommandMessage)frames[2].Message).ResultCompletionId);
        Assert.Equal(5u, ((RunCommandMessage)frames[3].Message).ResultCompletionId);
        Assert.Equal(6u, ((OneWayCallCommandMessage)frames[4].Message).InvocationIdNotificationIdx);
    }

    [Fact]
    public void Eager_state_get_takes_a_completion_id_too()
    {
        var machine = Machine(Start(1, state: new Dictionary<string, string> { ["a"] = "1" }), Input());
        machine.SysInput();

        machine.SysStateGet("a");
        machine.SysSleep(10);

        var frames = Output(machine);
        Assert.Equal(Command(new GetEagerStateCommandMessage { Key = Utf8("a"), Value = Value("1") }), frames[0]);
        Assert.Equal(2u, ((SleepCommandMessage)frames[1].Message).ResultCompletionId);
    }

    [Fact]
    public void Awakeable_ids_are_sign_1_and_base64url_of_id_and_signal()
    {
        var machine = Machine(Start(1), Input());
        machine.SysInput();

        var (first, _) = machine.SysAwakeable();
        var (second, _) = machine.SysAwakeable();

        byte[] expected = [.. InvocationId, 0, 0, 0, 17];
        Assert.Equal("sign_1" + Convert.ToBase64String(expected).TrimEnd('=').Replace('+', '-').Replace('/', '_'), first);
        Assert.StartsWith("sign_1", second, StringComparison.Ordinal);
        Assert.NotEqual(first, second);
        Assert.DoesNotContain("=", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Suspension_lists_what_is_awaited_plus_cancel()
    {
        var machine = Machine(Start(1), Input());
        machine.SysInput();
        var call = machine.SysCall(new CallRequest("S", "h", null, default));
        var (_, awakeable) = machine.SysAwakeable();
        machine.NotifyInputClosed();

        var progress = machine.DoProgress([call.ResultHandle, awakeable]);

        Assert.Equal(ProgressKind.Suspended, progress.Kind);
        var frames = Output(machine);
        Assert.Equal(Suspension([2], [1, 17]), frames[^1]);
        Assert.Equal(ClosedReason.Suspended, machine.ClosedReason);
    }

    [Fact]
    public void Waiting_during_replay_for_a_result_not_yet_journaled_reads_more_input_then_suspends()
    {
        // Code that created a timer, set state and only then waited is waiting here, mid-replay.
        var machine = Machine(
            Start(3),
            Input(),
            Command(new SleepCommandMessage { ResultCompletionId = 1 }),
            Command(new SetStateCommandMessage { Key = Utf8("k"), Value = Value("1") }));
        machine.SysInput();
        var sleep = machine.SysSleep(123);

        Assert.Equal(ProgressResult.ReadFromInput, machine.DoProgress([sleep]));
        Assert.True(machine.IsReplaying);

        machine.NotifyInputClosed();
        Assert.Equal(ProgressResult.Suspended, machine.DoProgress([sleep]));
        var suspension = (SuspensionMessage)Output(machine).Single().Message;
        Assert.Equal([1u], suspension.WaitingCompletions);
    }

    [Fact]
    public void Of_several_ready_results_the_one_first_in_the_journal_is_taken_first()
    {
        var machine = Machine(
            Start(5),
            Input(),
            Command(new SleepCommandMessage { ResultCompletionId = 1 }),
            Command(new SleepCommandMessage { ResultCompletionId = 2 }),
            Completion(MessageType.SleepCompletionNotification, 2),
            Completion(MessageType.SleepCompletionNotification, 1));
        machine.SysInput();
        var first = machine.SysSleep(1);
        var second = machine.SysSleep(2);

        Assert.Equal(ProgressResult.Completed(second), machine.DoProgress([first, second]));
        machine.TakeNotification(second);
        Assert.Equal(ProgressResult.Completed(first), machine.DoProgress([first]));
    }

    [Fact]
    public void A_run_is_not_executed_while_its_command_may_still_be_ahead_in_the_replay()
    {
        var machine = Machine(
            Start(3),
            Input(),
            Command(new RunCommandMessage { ResultCompletionId = 1, Name = "a" }),
            Command(new SetStateCommandMessage { Key = Utf8("k"), Value = Value("1") }));
        machine.SysInput();
        var run = machine.SysRun("a");

        Assert.True(machine.IsReplaying);
        Assert.Equal(ProgressResult.ReadFromInput, machine.DoProgress([run]));

        machine.SysStateSet("k", Value("1").Content.ToByteArray());
        Assert.True(machine.IsProcessing);
        Assert.Equal(ProgressResult.ExecuteRun(run), machine.DoProgress([run]));
    }

    [Fact]
    public void Replayed_notifications_complete_handles_in_journal_order()
    {
        var machine = Machine(
            Start(3),
            Input(),
            Command(new SleepCommandMessage { ResultCompletionId = 1, Name = "nap" }),
            Completion(MessageType.SleepCompletionNotification, 1));
        machine.SysInput();
        var sleep = machine.SysSleep(999, "nap");

        Assert.True(machine.IsProcessing);
        Assert.Equal(ProgressResult.Completed(sleep), machine.DoProgress([sleep]));
        Assert.Equal(NotificationResultKind.Void, machine.TakeNotification(sleep)!.Kind);
        Assert.Empty(machine.TakeOutput());
    }

    [Fact]
    public void Known_entries_zero_is_rejected()
    {
        var machine = Machine(Start(0));

        var error = (ErrorMessage)Output(machine).Single().Message;
        Assert.Equal(571u, error.Code);
        Assert.True(machine.IsClosed);
    }

    [Fact]
    public void Input_closed_before_the_journal_is_complete_is_a_protocol_violation()
    {
        var machine = Machine(Start(2), Input());

        machine.NotifyInputClosed();

        var error = (ErrorMessage)Output(machine).Single().Message;
        Assert.Equal(571u, error.Code);
        Assert.Contains("2 journal entries (got 1)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_frame_closes_with_a_protocol_error_and_nothing_else()
    {
        var machine = new InvocationStateMachine(ServiceProtocolVersion.V6);
        var header = new byte[8];
        new MessageHeader(MessageType.Start, 0, 3).Write(header);

        machine.NotifyInput([.. header, 0xFF, 0xFF, 0xFF]);

        var error = (ErrorMessage)Output(machine).Single().Message;
        Assert.Equal(571u, error.Code);
        Assert.False(error.HasRelatedCommandIndex);
        machine.NotifyInput(Encode(Start(1), Input()));
        Assert.Empty(machine.TakeOutput());
        Assert.False(machine.IsReadyToExecute);
    }

    [Fact]
    public void Commands_after_the_journal_are_a_protocol_violation()
    {
        var machine = Machine(Start(1), Input(), Command(new ClearAllStateCommandMessage()));

        var error = (ErrorMessage)Output(machine).Single().Message;
        Assert.Equal(571u, error.Code);
    }

    [Fact]
    public void Failure_metadata_is_sent_on_v6()
    {
        var machine = Machine(Start(1), Input());
        machine.SysInput();

        machine.SysWriteOutput(ValueOrFailure.Failed(new TerminalFailure(400, "bad", new Dictionary<string, string> { ["field"] = "name" })));

        var output = (OutputCommandMessage)Output(machine).Single().Message;
        Assert.Equal([new FailureMetadata { Key = "field", Value = "name" }], output.Failure.Metadata);
    }

    [Fact]
    public void Failure_metadata_on_v5_fails_the_attempt_at_the_command_that_would_carry_it()
    {
        var machine = new InvocationStateMachine(ServiceProtocolVersion.V5);
        machine.NotifyInput(Encode(Start(1), Input()));
        machine.SysInput();

        var thrown = Assert.Throws<ProtocolException>(() =>
            machine.SysWriteOutput(ValueOrFailure.Failed(new TerminalFailure(400, "bad", new Dictionary<string, string> { ["field"] = "name" }))));

        Assert.Equal(573, thrown.Code);
        var error = (ErrorMessage)Output(machine).Single().Message;
        Assert.Equal(573u, error.Code);
        Assert.Equal(1u, error.RelatedCommandIndex);
        Assert.Equal((uint)MessageType.OutputCommand, error.RelatedCommandType);
        Assert.True(machine.IsClosed);
    }

    [Fact]
    public void Failure_without_metadata_is_written_on_v5()
    {
        var machine = new InvocationStateMachine(ServiceProtocolVersion.V5);
        machine.NotifyInput(Encode(Start(1), Input()));
        machine.SysInput();

        machine.SysWriteOutput(ValueOrFailure.Failed(new TerminalFailure(400, "bad", new Dictionary<string, string>())));

        Assert.Equal([OutputFailure(400, "bad")], Output(machine));
    }

    [Fact]
    public void V5_derives_the_random_seed_from_the_invocation_id()
    {
        var v5 = new InvocationStateMachine(ServiceProtocolVersion.V5);
        v5.NotifyInput(Encode(Start(1, randomSeed: 0), Input()));
        var v6 = Machine(Start(1, randomSeed: 1234), Input());

        Assert.Equal(1234UL, v6.SysInput().RandomSeed);
        var seed = v5.SysInput().RandomSeed;
        Assert.NotEqual(0UL, seed);
        var again = new InvocationStateMachine(ServiceProtocolVersion.V5);
        again.NotifyInput(Encode(Start(1, randomSeed: 0), Input()));
        Assert.Equal(seed, again.SysInput().RandomSeed);
    }

    [Fact]
    public void Nothing_is_written_after_end()
    {
        var machine = Machine(Start(1), Input());
        machine.SysInput();
        machine.SysWriteOutput(ValueOrFailure.Success("1"u8.ToArray()));
        machine.SysEnd();

        Assert.Throws<InvalidOperationException>(() => machine.SysSleep(1));

        Assert.Equal([MessageType.OutputCommand, MessageType.End], Output(machine).Select(f => f.Type));
    }

    [Fact]
    public void Get_invocation_output_and_attach_by_workflow_or_idempotency_key()
    {
        var machine = Machine(Start(1), Input());
        machine.SysInput();

        var output = machine.SysGetInvocationOutput(AttachTarget.ForWorkflow("Wf", "k"));
        machine.SysAttachInvocation(AttachTarget.ForIdempotencyKey("Svc", null, "h", "idem"));
        machine.NotifyInput(Encode(Completion(MessageType.GetInvocationOutputCompletionNotification, 1)));

        var frames = Output(machine);
        Assert.Equal(Command(new GetInvocationOutputCommandMessage { WorkflowTarget = new WorkflowTarget { WorkflowName = "Wf", WorkflowKey = "k" }, ResultCompletionId = 1 }), frames[0]);
        Assert.Equal(Command(new AttachInvocationCommandMessage { IdempotentRequestTarget = new IdempotentRequestTarget { ServiceName = "Svc", HandlerName = "h", IdempotencyKey = "idem" }, ResultCompletionId = 2 }), frames[1]);
        Assert.Equal(ProgressResult.Completed(output), machine.DoProgress([output]));
        Assert.Equal(NotificationResultKind.Void, machine.TakeNotification(output)!.Kind);
    }

    [Fact]
    public void Empty_idempotency_key_is_rejected_without_failing_the_invocation()
    {
        var machine = Machine(Start(1), Input());
        machine.SysInput();

        Assert.Throws<ArgumentException>(() => machine.SysCall(new CallRequest("S", "h", null, default, IdempotencyKey: "")));

        Assert.False(machine.IsClosed);
        Assert.Empty(machine.TakeOutput());
    }
}

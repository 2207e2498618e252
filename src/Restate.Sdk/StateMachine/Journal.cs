using Restate.Sdk.Protocol;

namespace Restate.Sdk.StateMachine;

/// <summary>
/// Where the invocation is in its journal, and the deterministic id counters. The same code
/// hands out the same ids in the same order on every replay, which is what lets replayed
/// commands be compared id by id.
/// </summary>
internal sealed class Journal
{
    /// <summary>Signal ids 1 to 16 are reserved for built-in signals (1 = cancel).</summary>
    public const uint FirstAwakeableSignalId = 17;

    private uint _nextCompletionId = 1;
    private uint _nextSignalId = FirstAwakeableSignalId;

    /// <summary>The index of the current command among commands only (Input = 0); -1 before Input.</summary>
    public int CommandIndex { get; private set; } = -1;

    public MessageType CurrentCommandType { get; private set; } = MessageType.Start;

    public string CurrentCommandName { get; private set; } = "";

    public CommandRef? CurrentCommand =>
        CommandIndex < 0 ? null : new CommandRef(CommandIndex, CurrentCommandName, CurrentCommandType);

    public CommandRef NextCommand(MessageType type, string name)
    {
        CommandIndex++;
        CurrentCommandType = type;
        CurrentCommandName = name;
        return new CommandRef(CommandIndex, name, type);
    }

    /// <summary>What <see cref="NextCommand"/> would return, without moving on.</summary>
    public CommandRef PeekNextCommand(MessageType type, string name) => new(CommandIndex + 1, name, type);

    public uint NextCompletionId() => _nextCompletionId++;

    public uint NextSignalId() => _nextSignalId++;
}

using Restate.Sdk.Protocol;

namespace Restate.Sdk.StateMachine;

/// <summary>Points at a command of the journal: its index among commands (Input = 0), name and type.</summary>
internal readonly record struct CommandRef(int Index, string Name, MessageType Type);

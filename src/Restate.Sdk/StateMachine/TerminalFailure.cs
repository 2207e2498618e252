using Restate.Sdk.Protocol;

namespace Restate.Sdk.StateMachine;

/// <summary>A failure that Restate stores and does not retry (a <c>Failure</c> on the wire).</summary>
internal sealed record TerminalFailure(int Code, string Message, IReadOnlyDictionary<string, string>? Metadata = null)
{
    public static TerminalFailure FromProto(Protocol.Messages.Failure failure)
    {
        Dictionary<string, string>? metadata = null;
        if (failure.Metadata.Count > 0)
        {
            metadata = new Dictionary<string, string>(failure.Metadata.Count);
            foreach (var entry in failure.Metadata)
            {
                metadata[entry.Key] = entry.Value;
            }
        }

        return new TerminalFailure((int)failure.Code, failure.Message, metadata);
    }

    /// <summary>The wire form; metadata exists only from V6 on, so it is left out on V5.</summary>
    public Protocol.Messages.Failure ToProto(ServiceProtocolVersion version)
    {
        var failure = new Protocol.Messages.Failure { Code = (uint)Code, Message = Message };
        if (version >= ServiceProtocolVersion.V6 && Metadata is not null)
        {
            foreach (var (key, value) in Metadata)
            {
                failure.Metadata.Add(new Protocol.Messages.FailureMetadata { Key = key, Value = value });
            }
        }

        return failure;
    }

    public TerminalException ToException() => new(Message, Code, Metadata);
}

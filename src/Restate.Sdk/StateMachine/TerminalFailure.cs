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

    /// <summary>
    /// The wire form. Metadata exists only from V6 on; V5 has no field for it, so a failure with
    /// metadata is refused on V5 rather than written without it.
    /// </summary>
    /// <exception cref="ProtocolException">
    /// <see cref="ErrorCodes.UnsupportedFeature"/> when the failure has metadata and the version is V5.
    /// </exception>
    public Protocol.Messages.Failure ToProto(ServiceProtocolVersion version)
    {
        var failure = new Protocol.Messages.Failure { Code = (uint)Code, Message = Message };
        if (Metadata is not { Count: > 0 })
        {
            return failure;
        }

        if (version < ServiceProtocolVersion.V6)
        {
            throw ProtocolException.Unsupported(
                $"Failure metadata needs service protocol V6; this deployment negotiated {version}. "
                + $"The terminal failure {Code} '{Message}' carries metadata ({string.Join(", ", Metadata.Keys)}), "
                + "so it was not written rather than written without it.");
        }

        foreach (var (key, value) in Metadata)
        {
            failure.Metadata.Add(new Protocol.Messages.FailureMetadata { Key = key, Value = value });
        }

        return failure;
    }

    public TerminalException ToException() => new(Message, Code, Metadata);
}

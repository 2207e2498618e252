using Restate.Sdk.Tests.StateMachine;

namespace Restate.Sdk.Tests.Determinism;

/// <summary>
/// How a handler under test hands an awakeable to "the outside world": a one-way call to
/// <c>Ext/resolve</c> carrying the awakeable id and the value to resolve it with. The simulated
/// runtime plays that outside world and later appends the awakeable's signal notification.
/// </summary>
internal static class ExternalResolver
{
    public const string Service = "Ext";
    public const string Handler = "resolve";

    public static Awakeable<string> PublishedAwakeable(IContext ctx, string value)
    {
        var awakeable = ctx.Awakeable<string>();
        ctx.Send(CallTarget.ForService(Service, Handler), new AwakeableResolution(awakeable.Id, value));
        return awakeable;
    }

    public static AwakeableResolution Read(ReadOnlySpan<byte> parameter) =>
        (AwakeableResolution?)TestJsonSerializer.Instance.Deserialize(parameter, typeof(AwakeableResolution))
        ?? throw new InvalidOperationException("Ext/resolve was called without an awakeable.");

    /// <summary>The signal id inside an awakeable id: its last 4 bytes, big-endian.</summary>
    public static uint SignalIdOf(string awakeableId)
    {
        var bytes = System.Buffers.Text.Base64Url.DecodeFromChars(awakeableId.AsSpan("sign_1".Length));
        return System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(bytes.AsSpan(bytes.Length - 4));
    }
}

internal sealed record AwakeableResolution(string Id, string Value);

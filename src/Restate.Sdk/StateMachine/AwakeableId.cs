using System.Buffers.Binary;
using System.Buffers.Text;

namespace Restate.Sdk.StateMachine;

/// <summary>
/// Awakeable ids: <c>sign_1</c> followed by base64url (no padding) of the invocation id bytes
/// and the big-endian u32 signal id.
/// </summary>
internal static class AwakeableId
{
    public const string Prefix = "sign_1";

    public static string Format(ReadOnlySpan<byte> invocationId, uint signalId)
    {
        Span<byte> bytes = invocationId.Length <= 256 ? stackalloc byte[invocationId.Length + 4] : new byte[invocationId.Length + 4];
        invocationId.CopyTo(bytes);
        BinaryPrimitives.WriteUInt32BigEndian(bytes[invocationId.Length..], signalId);
        return Prefix + Base64Url.EncodeToString(bytes);
    }
}

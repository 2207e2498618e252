namespace Restate.Sdk.Protocol;

/// <summary>The service protocol versions this SDK speaks (commands/notifications model).</summary>
internal enum ServiceProtocolVersion
{
    V5 = 5,
    V6 = 6,
}

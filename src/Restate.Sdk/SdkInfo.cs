namespace Restate.Sdk;

/// <summary>The SDK's name and version, as sent in <c>x-restate-server</c>.</summary>
internal static class SdkInfo
{
    public const string Name = "restate-sdk-dotnet";

    public const string Version = "0.1.0";

    public const string ServerHeaderValue = Name + "/" + Version;
}

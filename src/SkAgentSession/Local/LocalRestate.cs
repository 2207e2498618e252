namespace SkAgentSession.Local;

/// <summary>
/// Where the local restate-server started by <c>dotnet run</c> listens. These must match the
/// addresses in the repository's <c>restate.toml</c>; the launcher checks them at start.
/// </summary>
internal static class LocalRestate
{
    public const string ConfigFileName = "restate.toml";

    public const string IngressUrl = "http://127.0.0.1:8080/";

    public const string AdminUrl = "http://127.0.0.1:9070/";

    public const string ServerBinary = "node_modules/@restatedev/restate-server-linux-x64/bin/restate-server";

    public const string ServerLogCategory = "RestateServer";
}

using System.Security;

namespace Restate.Sdk.PackageTests;

/// <summary>
/// Writes a fresh web project that uses the SDK only through its packages, the way the packages' READMEs show: a
/// <c>Greeter</c> service, hosted on a free loopback port, registered with a restate-server that the sample starts
/// itself with Restate.Sdk.Local. It prints <c>INGRESS {url}</c> once the handler can be called, and stops (server
/// included) when its standard input closes. One handler calls <c>Guid.NewGuid()</c> on purpose: the packaged
/// analyzers flag it as RESTATE002.
/// </summary>
public static class SampleProject
{
    public const string Name = "PackageSample";

    public const string ReadyPrefix = "INGRESS ";

    /// <summary>The environment variable that names the folder whose package.json pins restate-server.</summary>
    public const string ToolsDirectoryVariable = "SAMPLE_RESTATE_TOOLS";

    public static void Write(string directory, PackedSdk packed, IReadOnlyList<string> upstreamSources, string packagesFolder)
    {
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, Name + ".csproj"), Csproj(packed));
        File.WriteAllText(Path.Combine(directory, "Program.cs"), Program);
        File.WriteAllText(Path.Combine(directory, "nuget.config"), NugetConfig(packed.Feed, upstreamSources, packagesFolder));
    }

    private static string Csproj(PackedSdk packed) => $"""
        <Project Sdk="Microsoft.NET.Sdk.Web">
          <PropertyGroup>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
          </PropertyGroup>
          <ItemGroup>
        {string.Join(Environment.NewLine, PackedSdk.PackageIds.Select(id => $"""    <PackageReference Include="{id}" Version="{packed.Version}" />"""))}
          </ItemGroup>
        </Project>
        """;

    // The SDK packages come only from the local feed; everything else from the sources restore already uses here.
    private static string NugetConfig(string feed, IReadOnlyList<string> upstreamSources, string packagesFolder)
    {
        var upstream = upstreamSources.Select((url, i) => (Key: $"upstream{i}", Url: url)).ToList();
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <config>
                <add key="globalPackagesFolder" value="{Escape(packagesFolder)}" />
              </config>
              <packageSources>
                <clear />
                <add key="local" value="{Escape(feed)}" />
            {string.Join(Environment.NewLine, upstream.Select(s => $"""    <add key="{s.Key}" value="{Escape(s.Url)}" />"""))}
              </packageSources>
              <packageSourceMapping>
                <packageSource key="local">
            {string.Join(Environment.NewLine, PackedSdk.PackageIds.Select(id => $"""      <package pattern="{id}" />"""))}
                </packageSource>
            {string.Join(Environment.NewLine, upstream.Select(s => $"""    <packageSource key="{s.Key}"><package pattern="*" /></packageSource>"""))}
              </packageSourceMapping>
            </configuration>
            """;
    }

    private static string Escape(string value) => SecurityElement.Escape(value);

    private const string Program = """
        using System.Net;
        using Restate.Sdk;
        using Restate.Sdk.Local;

        var port = PortAllocator.GetFreeLoopbackPort();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenRestate(IPAddress.Loopback, port));
        builder.Services.AddRestate().AddService<Greeter>();

        var app = builder.Build();
        app.MapRestate();
        await app.StartAsync();

        await using var server = await LocalRestateServer.StartAsync(new LocalRestateServerOptions
        {
            ToolsDirectory = Environment.GetEnvironmentVariable("SAMPLE_RESTATE_TOOLS"),
            InstallIfMissing = false,
            KillOnDispose = true,
        });
        await server.Admin.RegisterDeploymentAsync(new Uri($"http://127.0.0.1:{port}/"));
        Console.WriteLine($"INGRESS {server.IngressUrl}");

        // Serve until whoever started the sample closes its standard input.
        await Console.In.ReadToEndAsync();
        await app.StopAsync();

        [Service]
        public sealed class Greeter
        {
            [Handler]
            public Task<string> Greet(IContext ctx, string name) => Task.FromResult($"Hello, {name}!");

            // Not replay-safe on purpose: the packaged analyzers must flag it (RESTATE002).
            [Handler]
            public Task<string> NewId(IContext ctx) => Task.FromResult(Guid.NewGuid().ToString());
        }
        """;
}

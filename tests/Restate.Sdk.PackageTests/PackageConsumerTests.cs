using System.Net.Http.Headers;
using System.Text;

namespace Restate.Sdk.PackageTests;

/// <summary>
/// A fresh project outside the repository consumes the packed SDK by version, from a local feed: it restores and
/// builds (with the packaged analyzers running), then serves a handler that a real restate-server calls.
/// </summary>
[Collection(SharedPackedSdk.Name)]
public sealed class PackageConsumerTests(PackedSdk packed)
{
    [Fact]
    public async Task A_fresh_project_builds_on_the_packages_and_its_handler_answers_through_a_real_restate_server()
    {
        using var work = new TempDirectory("restate-package-sample-");
        var temp = Directory.CreateDirectory(work.Combine("tmp")).FullName;
        var sampleDirectory = work.Combine("sample");
        SampleProject.Write(sampleDirectory, packed, await UpstreamSourcesAsync(temp), work.Combine("nuget-packages"));

        var build = (await ChildProcesses.RunAsync(
            ChildProcesses.Dotnet(
                sampleDirectory, temp, "build", "--configuration", "Release", "--disable-build-servers", "-nodeReuse:false", "-p:UseSharedCompilation=false"),
            TimeSpan.FromMinutes(5))).EnsureSuccess();
        Assert.Contains("warning RESTATE002", build.Output, StringComparison.Ordinal);

        var run = ChildProcesses.Dotnet(
            sampleDirectory, temp, Path.Combine("bin", "Release", "net10.0", SampleProject.Name + ".dll"));
        run.Environment[SampleProject.ToolsDirectoryVariable] = RepositoryLayout.Root;
        await using var sample = await SampleProcess.StartAsync(run, TimeSpan.FromMinutes(2));

        using var http = new HttpClient { BaseAddress = sample.IngressUrl, Timeout = TimeSpan.FromSeconds(60) };
        using var request = new StringContent("\"World\"", Encoding.UTF8, new MediaTypeHeaderValue("application/json"));
        using var response = await http.PostAsync(new Uri("Greeter/greet", UriKind.Relative), request);

        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}{Environment.NewLine}{sample.Output}");
        Assert.Equal("\"Hello, World!\"", body);
    }

    /// <summary>The enabled package sources that restore uses in the repository (the local mirror), by URL.</summary>
    private static async Task<List<string>> UpstreamSourcesAsync(string temp)
    {
        var list = (await ChildProcesses.RunAsync(
            ChildProcesses.Dotnet(RepositoryLayout.Root, temp, "nuget", "list", "source", "--format", "short"),
            TimeSpan.FromMinutes(1))).EnsureSuccess();
        var sources = list.Output
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line.StartsWith("E ", StringComparison.Ordinal))
            .Select(line => line[2..].Trim())
            .ToList();
        return sources.Count > 0
            ? sources
            : throw new InvalidOperationException("The repository has no enabled package source:" + Environment.NewLine + list.Output);
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Restate.Sdk.IntegrationTests.Fixtures;
using Restate.Sdk.Local;

namespace Restate.Sdk.IntegrationTests.Local;

/// <summary>The real restate-server 1.7.12, started, stopped, killed and restarted by <see cref="LocalRestateServer"/>.</summary>
public sealed class LocalRestateServerTests
{
    [Fact]
    public async Task Start_serves_health_on_loopback_and_stop_ends_the_process()
    {
        var server = await LocalRestateServer.StartAsync(new LocalRestateServerOptions());
        try
        {
            Assert.True(server.IsRunning);
            Assert.Equal("127.0.0.1", server.IngressUrl.Host);
            Assert.Equal("127.0.0.1", server.AdminUrl.Host);
            Assert.NotEqual(server.IngressUrl.Port, server.AdminUrl.Port);
            Assert.True(await server.Admin.IsHealthyAsync());
            Assert.True(await server.Ingress.IsHealthyAsync());

            var version = await server.Admin.GetVersionAsync();
            Assert.Equal("1.7.12", version.Version);
            Assert.Equal(server.IngressUrl.Port, version.IngressEndpoint?.Port);

            Assert.True(File.Exists(server.LogPath));
            Assert.StartsWith(server.BaseDir, server.LogPath, StringComparison.Ordinal);
            Assert.Contains(server.LogTail, line => line.Contains("Starting Restate Server", StringComparison.Ordinal));
            Assert.False(ProcessIsGone(server.Pid));
            Assert.Empty(Directory.GetFiles(server.BaseDir, "*.sock", SearchOption.AllDirectories));

            await server.StopAsync();

            Assert.False(server.IsRunning);
            Assert.True(ProcessIsGone(server.Pid));
            Assert.False(await server.Admin.IsHealthyAsync());
            Assert.Contains("exited with code", await File.ReadAllTextAsync(server.LogPath), StringComparison.Ordinal);
        }
        finally
        {
            await server.DisposeAsync();
        }

        Assert.False(Directory.Exists(server.BaseDir), "a temporary base dir is deleted on dispose");
    }

    [Fact]
    public async Task A_stop_that_takes_too_long_ends_in_a_kill()
    {
        await using var server = await LocalRestateServer.StartAsync(new LocalRestateServerOptions { StopTimeout = TimeSpan.Zero });
        var pid = server.Pid;

        await server.StopAsync();

        Assert.True(ProcessIsGone(pid));
        Assert.Contains(server.LogTail, line => line.Contains($"killing pid {pid} (SIGKILL)", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Server_output_goes_to_the_logger_and_the_expected_update_check_error_is_not_an_error()
    {
        var logger = new ListLogger();
        await using var server = await LocalRestateServer.StartAsync(new LocalRestateServerOptions { KillOnDispose = true, Logger = logger });

        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Information && e.Message.Contains("restate-server started", StringComparison.Ordinal));
        Assert.Contains(logger.Entries, e => e.Level == LogLevel.Debug && e.Message.Contains("Starting Restate Server", StringComparison.Ordinal));
        Assert.DoesNotContain(logger.Entries, e => e.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task A_temporary_base_dir_can_be_kept()
    {
        var server = await LocalRestateServer.StartAsync(new LocalRestateServerOptions { KillOnDispose = true, KeepBaseDirectory = true });
        try
        {
            await server.DisposeAsync();

            Assert.True(File.Exists(server.LogPath));
        }
        finally
        {
            Directory.Delete(server.BaseDir, recursive: true);
        }
    }

    [Fact]
    public async Task Restart_keeps_the_data_and_the_urls()
    {
        await using var server = await LocalRestateServer.StartAsync(new LocalRestateServerOptions { KillOnDispose = true });
        await using var endpoint = await DiscoveryOnlyEndpoint.StartAsync();
        var registered = await server.Admin.RegisterDeploymentAsync(endpoint.Url, new() { Force = true });
        var (ingressUrl, adminUrl, firstPid) = (server.IngressUrl, server.AdminUrl, server.Pid);

        await server.RestartAsync();

        Assert.True(server.IsRunning);
        Assert.NotEqual(firstPid, server.Pid);
        Assert.True(ProcessIsGone(firstPid));
        Assert.Equal(ingressUrl, server.IngressUrl);
        Assert.Equal(adminUrl, server.AdminUrl);
        var deployments = await server.Admin.ListDeploymentsAsync();
        Assert.Contains(deployments, d => d.Id == registered.Id && d.Uri == endpoint.Url);
        var service = await server.Admin.GetServiceAsync(endpoint.Counter);
        Assert.Equal(registered.Id, service.DeploymentId);
    }

    [Fact]
    public async Task Kill_ends_the_process_at_once_and_restart_recovers_the_data()
    {
        await using var server = await LocalRestateServer.StartAsync(new LocalRestateServerOptions { KillOnDispose = true });
        await using var endpoint = await DiscoveryOnlyEndpoint.StartAsync();
        var registered = await server.Admin.RegisterDeploymentAsync(endpoint.Url, new() { Force = true });
        var killedPid = server.Pid;

        server.Kill();

        Assert.False(server.IsRunning);
        Assert.True(ProcessIsGone(killedPid));
        Assert.False(await server.Ingress.IsHealthyAsync());

        await server.RestartAsync();

        Assert.True(await server.Ingress.IsHealthyAsync());
        Assert.Contains(await server.Admin.ListDeploymentsAsync(), d => d.Id == registered.Id);
    }

    [Fact]
    public async Task Two_servers_run_side_by_side_with_their_own_ports_and_data()
    {
        var starting = new[]
        {
            LocalRestateServer.StartAsync(new LocalRestateServerOptions { KillOnDispose = true }),
            LocalRestateServer.StartAsync(new LocalRestateServerOptions { KillOnDispose = true }),
        };
        var servers = await Task.WhenAll(starting);
        await using var first = servers[0];
        await using var second = servers[1];
        await using var endpoint = await DiscoveryOnlyEndpoint.StartAsync();

        Assert.NotEqual(first.IngressUrl, second.IngressUrl);
        Assert.NotEqual(first.AdminUrl, second.AdminUrl);
        Assert.NotEqual(first.NodePort, second.NodePort);
        Assert.NotEqual(first.BaseDir, second.BaseDir);

        await first.Admin.RegisterDeploymentAsync(endpoint.Url, new() { Force = true });

        Assert.Single(await first.Admin.ListDeploymentsAsync());
        Assert.Empty(await second.Admin.ListDeploymentsAsync());
        Assert.True(await second.Ingress.IsHealthyAsync());
    }

    [Fact]
    public async Task Dispose_kills_the_server_and_deletes_its_temporary_base_dir()
    {
        var server = await LocalRestateServer.StartAsync(new LocalRestateServerOptions { KillOnDispose = true });
        var pid = server.Pid;
        Assert.True(Directory.Exists(server.BaseDir));

        await server.DisposeAsync();

        Assert.True(ProcessIsGone(pid));
        Assert.False(Directory.Exists(server.BaseDir));
    }

    [Fact]
    public async Task Explicit_ports_and_base_dir_are_used_and_the_base_dir_is_kept()
    {
        var baseDir = Directory.CreateTempSubdirectory("restate-explicit-").FullName;
        try
        {
            var (ingressPort, adminPort, nodePort) =
                (PortAllocator.GetFreeLoopbackPort(), PortAllocator.GetFreeLoopbackPort(), PortAllocator.GetFreeLoopbackPort());
            await using (var server = await LocalRestateServer.StartAsync(new LocalRestateServerOptions
            {
                BaseDirectory = baseDir,
                IngressPort = ingressPort,
                AdminPort = adminPort,
                NodePort = nodePort,
                KillOnDispose = true,
            }))
            {
                Assert.Equal(new Uri($"http://127.0.0.1:{ingressPort}/"), server.IngressUrl);
                Assert.Equal(new Uri($"http://127.0.0.1:{adminPort}/"), server.AdminUrl);
                Assert.Equal(nodePort, server.NodePort);
                Assert.Equal(baseDir, server.BaseDir);
                Assert.True(await server.Admin.IsHealthyAsync());
            }

            Assert.True(File.Exists(Path.Combine(baseDir, "restate-server.log")), "an explicit base dir is not deleted");
        }
        finally
        {
            Directory.Delete(baseDir, recursive: true);
        }
    }

    [Fact]
    public async Task A_config_file_supplies_ports_and_a_base_dir_relative_to_it()
    {
        var dir = Directory.CreateTempSubdirectory("restate-config-").FullName;
        try
        {
            var (ingressPort, adminPort, nodePort) =
                (PortAllocator.GetFreeLoopbackPort(), PortAllocator.GetFreeLoopbackPort(), PortAllocator.GetFreeLoopbackPort());
            var configFile = Path.Combine(dir, "restate.toml");
            await File.WriteAllTextAsync(configFile, $"""
                cluster-name = "config-file-test"
                base-dir = "data"
                bind-address = "127.0.0.1:{nodePort}"
                advertised-address = "http://127.0.0.1:{nodePort}/"

                [ingress]
                bind-address = "127.0.0.1:{ingressPort}"

                [admin]
                bind-address = "127.0.0.1:{adminPort}"
                """);

            await using var server = await LocalRestateServer.StartAsync(new LocalRestateServerOptions
            {
                ConfigFile = configFile,
                KillOnDispose = true,
            });

            Assert.Equal(new Uri($"http://127.0.0.1:{ingressPort}/"), server.IngressUrl);
            Assert.Equal(new Uri($"http://127.0.0.1:{adminPort}/"), server.AdminUrl);
            Assert.Equal(Path.Combine(dir, "data"), server.BaseDir);
            Assert.True(await server.Ingress.IsHealthyAsync());
            var clusterName = await server.Admin.QueryAsync("SELECT 1 AS one");
            Assert.Single(clusterName);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public async Task Extra_environment_variables_reach_the_server()
    {
        await using var server = await LocalRestateServer.StartAsync(new LocalRestateServerOptions
        {
            KillOnDispose = true,
            EnvironmentVariables = new Dictionary<string, string> { ["RESTATE_DEFAULT_IDEMPOTENCY_RETENTION"] = "2h" },
        });
        await using var endpoint = await DiscoveryOnlyEndpoint.StartAsync();
        await server.Admin.RegisterDeploymentAsync(endpoint.Url, new() { Force = true });

        var service = await server.Admin.GetServiceAsync(endpoint.Greeter);

        Assert.Equal("2h", service.IdempotencyRetention);
    }

    [Fact]
    public async Task A_port_that_is_taken_fails_the_start_with_the_server_log_in_the_error()
    {
        using var occupant = new TcpListener(IPAddress.Loopback, 0);
        occupant.Start();
        var takenPort = ((IPEndPoint)occupant.LocalEndpoint).Port;

        var error = await Assert.ThrowsAsync<LocalRestateServerException>(() => LocalRestateServer.StartAsync(new LocalRestateServerOptions
        {
            AdminPort = takenPort,
            KillOnDispose = true,
        }));

        Assert.Contains("exited with code", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.LogTail, line => line.Contains($"127.0.0.1:{takenPort}", StringComparison.Ordinal)
            && line.Contains("Address in use", StringComparison.Ordinal));
        Assert.Contains("Address in use", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Startup_timeout_gives_an_error_with_the_log_tail_and_leaves_no_process()
    {
        var error = await Assert.ThrowsAsync<LocalRestateServerException>(() => LocalRestateServer.StartAsync(new LocalRestateServerOptions
        {
            StartupTimeout = TimeSpan.Zero,
        }));

        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
        Assert.Contains(error.LogTail, line => line.StartsWith("---- ", StringComparison.Ordinal) && line.Contains("starting", StringComparison.Ordinal));
        var pid = int.Parse(Regex.Match(error.Message, @"pid (\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        Assert.True(ProcessIsGone(pid));
    }

    [Fact]
    public async Task A_missing_binary_config_file_or_tools_dir_is_reported_clearly()
    {
        var missingBinary = await Assert.ThrowsAsync<LocalRestateServerException>(() =>
            LocalRestateServer.StartAsync(new LocalRestateServerOptions { ServerBinaryPath = "/nonexistent/restate-server" }));
        Assert.Contains("/nonexistent/restate-server", missingBinary.Message, StringComparison.Ordinal);

        var missingConfig = await Assert.ThrowsAsync<LocalRestateServerException>(() =>
            LocalRestateServer.StartAsync(new LocalRestateServerOptions { ConfigFile = "/nonexistent/restate.toml" }));
        Assert.Contains("/nonexistent/restate.toml", missingConfig.Message, StringComparison.Ordinal);

        var emptyDir = Directory.CreateTempSubdirectory("restate-no-tools-").FullName;
        try
        {
            var noTools = await Assert.ThrowsAsync<LocalRestateServerException>(() =>
                LocalRestateServer.StartAsync(new LocalRestateServerOptions { ToolsDirectory = emptyDir }));
            Assert.Contains("@restatedev/restate-server", noTools.Message, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(emptyDir, recursive: true);
        }
    }

    private static bool ProcessIsGone(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return process.HasExited;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}

using Restate.Sdk.Local.Internal;

namespace Restate.Sdk.IntegrationTests.Local;

public sealed class EffectiveServerConfigTests
{
    [Fact]
    public void Reads_base_dir_and_bind_addresses_from_the_dumped_toml()
    {
        const string Dump = """
            roles = [
                "http-ingress",
                "admin",
            ]
            bind-address = "127.0.0.1:25122"
            cluster-name = "localcluster"
            base-dir = "data/restate"

            [admin]
            bind-address = "127.0.0.1:29070"

            [admin.query-engine]
            memory-size = "1.0 GiB"

            [ingress]
            bind-address = "127.0.0.1:28080"
            """;

        var config = EffectiveServerConfig.Parse(Dump, "/srv/app");

        Assert.Equal("/srv/app/data/restate", config.BaseDirectory);
        Assert.Equal(25122, config.NodePort);
        Assert.Equal(new Uri("http://127.0.0.1:29070/"), config.AdminUrl);
        Assert.Equal(new Uri("http://127.0.0.1:28080/"), config.IngressUrl);
    }

    [Fact]
    public void Unset_keys_fall_back_to_the_server_defaults_reached_through_loopback()
    {
        var config = EffectiveServerConfig.Parse("cluster-name = \"x\"\n[admin]\n[ingress]\n", "/work");

        Assert.Equal("/work/restate-data", config.BaseDirectory);
        Assert.Equal(5122, config.NodePort);
        Assert.Equal(new Uri("http://[::1]:9070/"), config.AdminUrl);
        Assert.Equal(new Uri("http://[::1]:8080/"), config.IngressUrl);
    }

    [Fact]
    public void A_wildcard_ipv4_bind_is_reached_on_127_0_0_1()
    {
        var config = EffectiveServerConfig.Parse("[ingress]\nbind-address = \"0.0.0.0:8080\"\n", "/work");

        Assert.Equal(new Uri("http://127.0.0.1:8080/"), config.IngressUrl);
    }
}

using Restate.Sdk.Hosting.Identity;

namespace Restate.Sdk.Tests.Identity;

public class IdentityPublicKeyTests
{
    [Fact]
    public void Parses_a_publickeyv1_key()
    {
        var key = IdentityPublicKey.Parse("publickeyv1_AfQwmwfgEZhrWpvv8N52SHpRtZqGGaFr4AZN6qtYWSiY");

        Assert.Equal("publickeyv1_AfQwmwfgEZhrWpvv8N52SHpRtZqGGaFr4AZN6qtYWSiY", key.KeyId);
        Assert.Equal(
            Convert.FromBase64String("MCowBQYDK2VwAyEAj5BTvH+WJo0QGHm2hdLOuk6P7szKgTQxmpnnmZe/DcU=")[^32..],
            key.Key.GetEncoded());
    }

    [Fact]
    public void Ignores_surrounding_whitespace_from_configuration()
    {
        Assert.Equal(
            "publickeyv1_AfQwmwfgEZhrWpvv8N52SHpRtZqGGaFr4AZN6qtYWSiY",
            IdentityPublicKey.Parse("  publickeyv1_AfQwmwfgEZhrWpvv8N52SHpRtZqGGaFr4AZN6qtYWSiY\n").KeyId);
    }

    [Theory]
    [InlineData("AfQwmwfgEZhrWpvv8N52SHpRtZqGGaFr4AZN6qtYWSiY", "must start with 'publickeyv1_'")]
    [InlineData("publickeyv2_AfQwmwfgEZhrWpvv8N52SHpRtZqGGaFr4AZN6qtYWSiY", "must start with 'publickeyv1_'")]
    [InlineData("publickeyv1_AfQwmwfgEZhrWpvv8N52SHpRtZqGGaFr4AZN6qtYWSi0", "not valid base58")]
    [InlineData("publickeyv1_AfQwmwfgEZhrWpvv8N52SHpRtZqGGaFr4AZN6qtY", "decodes to 29 bytes")]
    [InlineData("publickeyv1_AfQwmwfgEZhrWpvv8N52SHpRtZqGGaFr4AZN6qtYWSiYY", "decodes to 33 bytes")]
    [InlineData("publickeyv1_AfQwmwfgEZhrWpvv8N52SHpRtZqGGaFr4AZN6qtYWSi", "not a valid Ed25519 public key")]
    [InlineData("publickeyv1_", "decodes to 0 bytes")]
    public void Refuses_keys_that_are_not_publickeyv1_ed25519(string text, string expected)
    {
        var error = Assert.Throws<FormatException>(() => IdentityPublicKey.Parse(text));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}

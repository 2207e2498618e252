using System.Text;
using Restate.Sdk.Hosting.Identity;

namespace Restate.Sdk.Tests.Identity;

public class Base58Tests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("00", "1")]
    [InlineData("000001", "112")]
    [InlineData("61", "2g")]
    [InlineData("626262", "a3gV")]
    [InlineData("00eb15231dfceb60925886b67d065299925915aeb172c06647", "1NS17iag9jJgTHD1VXjvLCEnZuQ3rJDE9L")]
    public void Encodes_and_decodes_known_vectors(string hex, string base58)
    {
        var bytes = Convert.FromHexString(hex);

        Assert.Equal(base58, Base58.Encode(bytes));
        Assert.True(Base58.TryDecode(base58, out var decoded));
        Assert.Equal(bytes, decoded);
    }

    [Fact]
    public void Encodes_text()
    {
        Assert.Equal("2NEpo7TZRRrLZSi2U", Base58.Encode(Encoding.ASCII.GetBytes("Hello World!")));
    }

    [Fact]
    public void Decodes_the_key_id_restate_server_derives_from_its_documented_test_key()
    {
        // restate-server's own request identity test: this SubjectPublicKeyInfo has kid
        // publickeyv1_AfQwmwfgEZhrWpvv8N52SHpRtZqGGaFr4AZN6qtYWSiY. Its last 32 bytes are the key.
        var spki = Convert.FromBase64String("MCowBQYDK2VwAyEAj5BTvH+WJo0QGHm2hdLOuk6P7szKgTQxmpnnmZe/DcU=");

        Assert.True(Base58.TryDecode("AfQwmwfgEZhrWpvv8N52SHpRtZqGGaFr4AZN6qtYWSiY", out var decoded));
        Assert.Equal(spki[^32..], decoded);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("O")]
    [InlineData("I")]
    [InlineData("l")]
    [InlineData("abc+")]
    [InlineData("ab c")]
    [InlineData("é")]
    public void Refuses_characters_outside_the_alphabet(string text)
    {
        Assert.False(Base58.TryDecode(text, out _));
    }

    [Fact]
    public void Round_trips_random_bytes()
    {
        var random = new Random(58);
        for (var i = 0; i < 500; i++)
        {
            var bytes = new byte[random.Next(0, 48)];
            random.NextBytes(bytes);
            if (i % 5 == 0 && bytes.Length > 2)
            {
                bytes[0] = 0;
                bytes[1] = 0;
            }

            Assert.True(Base58.TryDecode(Base58.Encode(bytes), out var decoded));
            Assert.Equal(bytes, decoded);
        }
    }
}

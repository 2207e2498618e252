using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Restate.Sdk.Hosting.Identity;

namespace Restate.Sdk.Tests.Identity;

public class RequestIdentityVerifierTests
{
    private const string InvokePath = "/invoke/greeter/greet";

    private static readonly TestIdentity Restate = new(seed: 7);
    private static readonly TestIdentity Other = new(seed: 9);

    [Fact]
    public void Accepts_a_token_signed_by_the_configured_key()
    {
        Assert.Null(Verify(Signed(Restate.Token(InvokePath))));
    }

    [Fact]
    public void Accepts_a_discovery_token()
    {
        Assert.Null(Verify(Signed(Restate.Token("/discover")), "/discover"));
    }

    [Fact]
    public void Accepts_the_token_of_any_of_several_keys()
    {
        var verifier = new RequestIdentityVerifier([Other.KeyId, Restate.KeyId]);

        Assert.Null(verifier.Verify(Signed(Restate.Token(InvokePath)), InvokePath, TestIdentity.Now));
        Assert.Null(verifier.Verify(Signed(Other.Token(InvokePath)), InvokePath, TestIdentity.Now));
        Assert.NotNull(verifier.Verify(Signed(new TestIdentity(seed: 11).Token(InvokePath)), InvokePath, TestIdentity.Now));
    }

    [Fact]
    public void Accepts_everything_when_no_key_is_configured()
    {
        var verifier = new RequestIdentityVerifier([]);

        Assert.False(verifier.IsEnabled);
        Assert.Null(verifier.Verify(new HeaderDictionary(), InvokePath, TestIdentity.Now));
        Assert.Null(verifier.Verify(Headers(("x-restate-signature-scheme", "unsigned")), InvokePath, TestIdentity.Now));
    }

    [Fact]
    public void Refuses_a_token_signed_by_another_key()
    {
        Assert.Contains("not among this endpoint's identity keys", Verify(Signed(Other.Token(InvokePath))), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_another_keys_signature_under_the_configured_key_id()
    {
        var forged = Other.Token(InvokePath, keyId: Restate.KeyId);

        Assert.Contains("signature does not verify", Verify(Signed(forged)), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_token_whose_claims_were_changed_after_signing()
    {
        var parts = Restate.Token(InvokePath).Split('.');
        var claims = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        claims["aud"] = "/invoke/greeter/other";
        var tampered = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(claims.ToJsonString()))}.{parts[2]}";

        Assert.Contains("signature does not verify", Verify(Signed(tampered), "/invoke/greeter/other"), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_token_with_a_flipped_signature_bit()
    {
        var parts = Restate.Token(InvokePath).Split('.');
        var signature = Base64Url.DecodeFromChars(parts[2]);
        signature[10] ^= 0x01;

        Assert.Contains("signature does not verify", Verify(Signed($"{parts[0]}.{parts[1]}.{Base64Url.EncodeToString(signature)}")), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_expired_token()
    {
        var token = Restate.Token(InvokePath, issuedAt: TestIdentity.Now.AddSeconds(-61));

        Assert.Contains("expired at 2026-11-26T11:59:59", Verify(Signed(token)), StringComparison.Ordinal);
    }

    [Fact]
    public void Accepts_a_token_in_the_second_it_expires_without_leeway()
    {
        Assert.Null(Verify(Signed(Restate.Token(InvokePath, issuedAt: TestIdentity.Now.AddSeconds(-60)))));
    }

    [Fact]
    public void Refuses_a_token_that_is_not_yet_valid()
    {
        var token = Restate.Token(InvokePath, issuedAt: TestIdentity.Now.AddSeconds(61));

        Assert.Contains("not valid before 2026-11-26T12:00:01", Verify(Signed(token)), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_token_for_another_path()
    {
        var message = Verify(Signed(Restate.Token("/invoke/greeter/other")));

        Assert.Contains("is for '/invoke/greeter/other', not for '/invoke/greeter/greet'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_discovery_token_on_invoke()
    {
        Assert.NotNull(Verify(Signed(Restate.Token("/discover"))));
    }

    [Fact]
    public void Accepts_an_audience_array_that_holds_the_path()
    {
        var token = Restate.Sign(Header(), Claims(new JsonArray("/discover", InvokePath)));

        Assert.Null(Verify(Signed(token)));
    }

    [Theory]
    [InlineData("HS256")]
    [InlineData("none")]
    [InlineData("ES256")]
    [InlineData("eddsa")]
    public void Refuses_other_algorithms(string alg)
    {
        var header = Header();
        header["alg"] = alg;

        Assert.Contains($"signed with '{alg}'", Verify(Signed(Restate.Sign(header, Claims()))), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_token_without_a_key_id()
    {
        var header = Header();
        header.Remove("kid");

        Assert.Contains("names no key (kid)", Verify(Signed(Restate.Sign(header, Claims()))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("aud")]
    [InlineData("exp")]
    [InlineData("iat")]
    [InlineData("nbf")]
    public void Refuses_a_token_without_a_required_claim(string claim)
    {
        var claims = Claims();
        claims.Remove(claim);

        Assert.Contains("lacks one of the required claims", Verify(Signed(Restate.Sign(Header(), claims))), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"aud": 5}""", "'aud' claim must be a string or an array of strings")]
    [InlineData("""{"aud": ["/discover", 5]}""", "'aud' claim must be a string or an array of strings")]
    [InlineData("""{"exp": "soon"}""", "'exp' claim must be a number")]
    [InlineData("""{"nbf": null}""", "'nbf' claim must be a number")]
    [InlineData("""{"aud": "/a", "aud": "/b"}""", "not valid JSON")]
    [InlineData("""[1, 2]""", "must be JSON objects")]
    [InlineData("""{"aud": "/a" """, "not valid JSON")]
    public void Refuses_malformed_claims(string claimsJson, string expected)
    {
        var token = Restate.SignRaw(Encoding.UTF8.GetBytes(Header().ToJsonString()), Encoding.UTF8.GetBytes(claimsJson));

        var message = Verify(Signed(token));

        Assert.StartsWith("The x-restate-jwt-v1 token is malformed: ", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_claim_with_invalid_utf8()
    {
        var token = Restate.SignRaw(Encoding.UTF8.GetBytes(Header().ToJsonString()), [.. "{\"aud\": \""u8, 0xe7, .. "\"}"u8]);

        Assert.Contains("not valid UTF-8", Verify(Signed(token)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"alg": "EdDSA", "kid": 5}""", "header field 'kid' must be a string")]
    [InlineData("""{"alg": "EdDSA", "alg": "none"}""", "not valid JSON")]
    [InlineData("""not json""", "not valid JSON")]
    public void Refuses_malformed_headers(string headerJson, string expected)
    {
        var token = Restate.SignRaw(Encoding.UTF8.GetBytes(headerJson), Encoding.UTF8.GetBytes(Claims().ToJsonString()));

        Assert.Contains(expected, Verify(Signed(token)), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("abc", "has 1")]
    [InlineData("a.b", "has 2")]
    [InlineData("a.b.c.d", "has 4")]
    [InlineData("..", "header is not base64url")]
    [InlineData("e30.e30.", "signature is not base64url")]
    [InlineData("e30.e*0.AAAA", "payload is not base64url")]
    [InlineData("Ünïcode.e30.AAAA", "header is not base64url")]
    public void Refuses_strings_that_are_not_compact_jwts(string token, string expected)
    {
        var message = Verify(Signed(token));

        Assert.StartsWith("The x-restate-jwt-v1 token is malformed", message, StringComparison.Ordinal);
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_oversized_token_before_parsing_it()
    {
        Assert.Contains("above the limit", Verify(Signed(new string('a', IdentityToken.MaxLength + 1))), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_request_without_the_scheme_header()
    {
        var message = Verify(Headers(("x-restate-jwt-v1", Restate.Token(InvokePath))));

        Assert.Contains("no single x-restate-signature-scheme header", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_v1_request_without_the_jwt_header()
    {
        Assert.Contains("no single x-restate-jwt-v1 header", Verify(Headers(("x-restate-signature-scheme", "v1"))), StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_an_unsigned_request()
    {
        var message = Verify(Headers(("x-restate-signature-scheme", "unsigned"), ("x-restate-jwt-v1", Restate.Token(InvokePath))));

        Assert.Contains("The request is unsigned", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("v2")]
    [InlineData("V1")]
    [InlineData(" v1")]
    public void Refuses_unknown_schemes(string scheme)
    {
        var message = Verify(Headers(("x-restate-signature-scheme", scheme), ("x-restate-jwt-v1", Restate.Token(InvokePath))));

        Assert.Contains($"Unsupported x-restate-signature-scheme '{scheme}'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_a_repeated_jwt_header()
    {
        var headers = Signed(Restate.Token(InvokePath));
        headers.Append("x-restate-jwt-v1", Restate.Token(InvokePath));

        Assert.Contains("no single x-restate-jwt-v1 header", Verify(headers), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/invoke/greeter/greet")]
    [InlineData("/restate/invoke/greeter/greet")]
    [InlineData("/a/b/invoke/greeter/greet")]
    public void Ignores_a_mount_prefix(string path)
    {
        Assert.Null(Verify(Signed(Restate.Token(InvokePath)), path));
    }

    [Theory]
    [InlineData("/invoke/a/b", "/invoke/a/b")]
    [InlineData("/foo/invoke/a/b", "/invoke/a/b")]
    [InlineData("foo/invoke/a/b", "/invoke/a/b")]
    [InlineData("/discover", "/discover")]
    [InlineData("/foo/bar/discover", "/discover")]
    [InlineData("foo/discover", "/discover")]
    [InlineData("discover", "discover")]
    [InlineData("/invoke", "/invoke")]
    [InlineData("/foo/invoke", "/foo/invoke")]
    [InlineData("/invoke/a", "/invoke/a")]
    [InlineData("/foo/invoke/a", "/foo/invoke/a")]
    [InlineData("/invoke/a/b/c", "/invoke/a/b/c")]
    [InlineData("", "")]
    [InlineData("/", "/")]
    [InlineData("///", "///")]
    public void Normalises_paths_to_what_restate_signs(string path, string expected)
    {
        Assert.Equal(expected, RequestIdentityVerifier.NormalisePath(path));
    }

    [Fact]
    public void Refuses_a_configured_key_that_is_not_a_public_key()
    {
        var options = new RestateOptions();
        options.IdentityKeys.Add("not-a-key");

        var error = Assert.Throws<InvalidOperationException>(() => RequestIdentityVerifier.FromOptions(options));

        Assert.Contains("RestateOptions.IdentityKeys: A request identity key must start with 'publickeyv1_'", error.Message, StringComparison.Ordinal);
    }

    private static string? Verify(IHeaderDictionary headers, string path = InvokePath) =>
        new RequestIdentityVerifier([Restate.KeyId]).Verify(headers, path, TestIdentity.Now);

    private static HeaderDictionary Signed(string token) =>
        Headers(("x-restate-signature-scheme", "v1"), ("x-restate-jwt-v1", token));

    private static HeaderDictionary Headers(params (string Name, string Value)[] headers)
    {
        var dictionary = new HeaderDictionary();
        foreach (var (name, value) in headers)
        {
            dictionary.Append(name, value);
        }

        return dictionary;
    }

    private static JsonObject Header() => new() { ["typ"] = "JWT", ["alg"] = "EdDSA", ["kid"] = Restate.KeyId };

    private static JsonObject Claims(JsonNode? audience = null)
    {
        var iat = TestIdentity.Now.ToUnixTimeSeconds();
        return new JsonObject { ["aud"] = audience ?? InvokePath, ["exp"] = iat + 60, ["iat"] = iat, ["nbf"] = iat - 60 };
    }
}

using System.Buffers.Text;
using Microsoft.AspNetCore.Http;
using Restate.Sdk.Hosting.Identity;

namespace Restate.Sdk.Tests.Identity;

/// <summary>
/// Thousands of seeded mutations of a valid token (changed, inserted and deleted characters,
/// truncation, swapped segments, random text): the verifier never throws, and accepts a mutant
/// only if it still decodes to exactly the original header, claims and signature bytes (base64url
/// ignores the spare low bits of a segment's last character).
/// </summary>
public class MutatedTokenTests
{
    private const string Path = "/invoke/greeter/greet";
    private const string Base64UrlChars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    [Fact]
    public void The_verifier_refuses_every_mutant_that_changes_the_token_and_never_throws()
    {
        var identity = new TestIdentity(seed: 3);
        var verifier = new RequestIdentityVerifier([identity.KeyId]);
        var valid = identity.Token(Path);
        var original = Decode(valid)!;
        var random = new Random(4242);
        var (changed, refused) = (0, 0);

        for (var i = 0; i < 3000; i++)
        {
            var mutant = Mutate(valid, random);
            if (mutant == valid)
            {
                continue;
            }

            changed++;
            var headers = new HeaderDictionary { ["x-restate-signature-scheme"] = "v1", ["x-restate-jwt-v1"] = mutant };

            var reason = verifier.Verify(headers, Path, TestIdentity.Now);

            if (reason is null)
            {
                Assert.True(
                    Decode(mutant) is { } decoded && decoded.SequenceEqual(original),
                    $"mutant #{i} was accepted but differs from the signed token: {mutant}");
            }
            else
            {
                refused++;
            }
        }

        Assert.True(changed > 2800 && refused > changed * 0.99, $"only {refused} of {changed} changed tokens were refused");
    }

    private static string Mutate(string token, Random random)
    {
        var chars = token.ToCharArray().ToList();
        switch (random.Next(7))
        {
            case 0:
                chars[random.Next(chars.Count)] = Base64UrlChars[random.Next(Base64UrlChars.Length)];
                break;
            case 1:
                chars.Insert(random.Next(chars.Count + 1), (char)random.Next(0x20, 0x7f));
                break;
            case 2:
                chars.RemoveAt(random.Next(chars.Count));
                break;
            case 3:
                chars = chars[..random.Next(chars.Count)];
                break;
            case 4:
                {
                    var parts = token.Split('.');
                    var (a, b) = (random.Next(3), random.Next(3));
                    (parts[a], parts[b]) = (parts[b], parts[a]);
                    return string.Join('.', parts);
                }

            case 5:
                return new string(Enumerable.Range(0, random.Next(0, 200)).Select(_ => (char)random.Next(0x20, 0x7f)).ToArray());
            default:
                for (var n = random.Next(1, 6); n > 0; n--)
                {
                    chars[random.Next(chars.Count)] = (char)random.Next(0x20, 0x7f);
                }

                break;
        }

        return new string([.. chars]);
    }

    /// <summary>The decoded bytes of the three segments, or null when it is not three base64url segments.</summary>
    private static byte[]? Decode(string token)
    {
        var parts = token.Split('.');
        if (parts.Length != 3 || parts.Any(p => p.Length == 0 || !Base64Url.IsValid(p)))
        {
            return null;
        }

        return [.. parts.SelectMany(p => Base64Url.DecodeFromChars(p).Append((byte)'.'))];
    }
}

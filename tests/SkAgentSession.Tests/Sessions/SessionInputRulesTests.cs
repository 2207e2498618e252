using SkAgentSession.Sessions;

namespace SkAgentSession.Tests.Sessions;

public sealed class SessionInputRulesTests
{
    [Theory]
    [InlineData("a")]
    [InlineData("s-m94oxj5l9anx")]
    [InlineData("A.b_c-9")]
    [InlineData("..a")]
    public void Ids_from_the_allowed_characters_are_valid(string id) =>
        Assert.True(SessionInputRules.IsValidSessionId(id));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(".")]
    [InlineData("..")]
    [InlineData("has space")]
    [InlineData("semi;colon")]
    [InlineData("été")]
    [InlineData("slash/inside")]
    public void Other_ids_are_refused_with_the_rule_in_words(string? id)
    {
        Assert.False(SessionInputRules.IsValidSessionId(id));
        Assert.Contains("not only dots", SessionInputRules.CheckSessionId(id), StringComparison.Ordinal);
    }

    [Fact]
    public void Ids_are_at_most_128_characters()
    {
        Assert.True(SessionInputRules.IsValidSessionId(new string('a', 128)));
        Assert.False(SessionInputRules.IsValidSessionId(new string('a', 129)));
    }

    [Theory]
    [InlineData(null, "'message' field")]
    [InlineData("", "empty")]
    [InlineData(" \n\t", "empty")]
    public void Missing_or_blank_messages_are_refused(string? message, string expected) =>
        Assert.Contains(expected, SessionInputRules.CheckMessage(message), StringComparison.Ordinal);

    [Fact]
    public void Messages_are_limited_to_32_KiB_of_UTF8_not_characters()
    {
        Assert.Null(SessionInputRules.CheckMessage(new string('x', 32 * 1024)));
        Assert.Contains("32 KiB", SessionInputRules.CheckMessage(new string('x', (32 * 1024) + 1)), StringComparison.Ordinal);

        // 'é' is two bytes in UTF-8: 16 Ki of them fill the limit exactly, one more is over it.
        Assert.Null(SessionInputRules.CheckMessage(new string('é', 16 * 1024)));
        Assert.NotNull(SessionInputRules.CheckMessage(new string('é', (16 * 1024) + 1)));
    }
}

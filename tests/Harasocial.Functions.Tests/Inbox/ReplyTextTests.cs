using Harasocial.Sync.Inbox;

namespace Harasocial.Functions.Tests.Inbox;

public sealed class ReplyTextTests
{
    [Theory]
    [InlineData("Dạ shop còn hàng ạ")]
    [InlineData("line one\nline two\r\n\ttabbed")]
    [InlineData("👍")]
    [InlineData("a\u200Bb")]
    [InlineData("👨‍👩‍👧")]
    public void Problem_ReadableText_None(string text)
    {
        Assert.Null(ReplyText.Problem(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\t ")]
    [InlineData("\u200B\u200B\u200B")]
    [InlineData(" \u200C\u200D\u2060\uFEFF\u00AD ")]
    [InlineData("\u3164")]
    [InlineData("\u2800 \u115F")]
    public void Problem_NothingToRead_SaysSo(string text)
    {
        Assert.Contains("invisible", ReplyText.Problem(text), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hello\0world", "U+0000")]
    [InlineData("\u001b[31mred", "U+001B")]
    [InlineData("ding\u0007", "U+0007")]
    [InlineData("x\u0085y", "U+0085")]
    public void Problem_ControlCharacter_NamesIt(string text, string code)
    {
        Assert.Contains(code, ReplyText.Problem(text), StringComparison.Ordinal);
    }

    [Fact]
    public void Problem_LoneSurrogate_Refused()
    {
        // Built in code: attribute strings are stored as UTF-8, which turns a lone surrogate into U+FFFD.
        foreach (var text in new[] { "x" + (char)0xD800 + "y", "x" + (char)0xDC00, ((char)0xD83D).ToString(), "a" + (char)0xDC00 + (char)0xD800 })
        {
            Assert.Contains("surrogate", ReplyText.Problem(text), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Problem_Null_Refused()
    {
        Assert.NotNull(ReplyText.Problem(null));
    }
}

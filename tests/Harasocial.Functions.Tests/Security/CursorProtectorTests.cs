using Harasocial.Sync.Security;
using Microsoft.Extensions.Options;

namespace Harasocial.Functions.Tests.Security;

public sealed class CursorProtectorTests
{
    private const string Inbox = "conversations|cn_1|inbox|";
    private static readonly CursorProtector Cursors = Create(Convert.ToBase64String(new byte[32]));

    [Fact]
    public void Protect_ThenUnprotect_SameScope_GivesTheStorageKey()
    {
        var cursor = Cursors.Protect(Inbox, "i|inbox|2520|42")!;

        Assert.True(Cursors.TryUnprotect(Inbox, cursor, out var key));
        Assert.Equal("i|inbox|2520|42", key);
    }

    [Theory]
    [InlineData("conversations|cn_1|spam|")]
    [InlineData("conversations|cn_2|inbox|")]
    [InlineData("conversations|cn_1|inbox|open")]
    [InlineData("messages|cn_1.NDI")]
    public void Unprotect_AnotherListingsCursor_Refused(string otherScope)
    {
        var cursor = Cursors.Protect(Inbox, "i|inbox|2520|42")!;

        Assert.False(Cursors.TryUnprotect(otherScope, cursor, out _));
    }

    [Theory]
    [InlineData("garbage")]
    [InlineData("aXxpbmJveHw")]
    [InlineData("aXxpbmJveHw.")]
    [InlineData(".AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("aXxpbmJveHw.AAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("not base64!.x")]
    public void Unprotect_MadeUpCursor_Refused(string cursor)
    {
        Assert.False(Cursors.TryUnprotect(Inbox, cursor, out _));
    }

    [Fact]
    public void Unprotect_CursorSignedWithAnotherKey_Refused()
    {
        var other = Create(Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()));

        Assert.False(Cursors.TryUnprotect(Inbox, other.Protect(Inbox, "i|inbox|2520|42")!, out _));
    }

    [Fact]
    public void Unprotect_PayloadChanged_Refused()
    {
        var cursor = Cursors.Protect(Inbox, "i|inbox|2520|42")!;
        var forged = Cursors.Protect(Inbox, "i|inbox|0000|1")!.Split('.')[0] + "." + cursor.Split('.')[1];

        Assert.False(Cursors.TryUnprotect(Inbox, forged, out _));
    }

    private static CursorProtector Create(string key) => new(Options.Create(new SecurityOptions { TokenEncryptionKey = key }));
}

using System.Text.Json;
using Harasocial.Sync.Channels;

namespace Harasocial.Functions.Tests.Channels;

public sealed class ChannelKindTests
{
    [Theory]
    [InlineData(ChannelKind.Facebook, "facebook")]
    [InlineData(ChannelKind.Instagram, "instagram")]
    [InlineData(ChannelKind.Zalo, "zalo")]
    [InlineData(ChannelKind.Shopee, "shopee")]
    public void WireName_IsLowercaseInJsonAndHelpers(ChannelKind kind, string name)
    {
        Assert.Equal(name, kind.ToWireName());
        Assert.True(ChannelKindNames.TryParseWireName(name, out var parsed));
        Assert.Equal(kind, parsed);
        Assert.Equal($"\"{name}\"", JsonSerializer.Serialize(kind));
        Assert.Equal(kind, JsonSerializer.Deserialize<ChannelKind>($"\"{name}\""));
    }

    [Fact]
    public void Records_ToString_NeverContainTokens()
    {
        Assert.DoesNotContain("secret-token", new ChannelAccount(ChannelKind.Zalo, "1", "secret-token").ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("secret-token", new TokenPair("secret-token", "secret-token", null).ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1000, true, "é", 500, true)]
    [InlineData(1000, true, "é", 501, false)]
    [InlineData(2000, false, "é", 2000, true)]
    public void Limits_CountCharsOrUtf8Bytes(int max, bool bytes, string unit, int repeat, bool allowed) =>
        Assert.Equal(allowed, new ChannelLimits(max, bytes, 25, 25).Allows(string.Concat(Enumerable.Repeat(unit, repeat))));
}

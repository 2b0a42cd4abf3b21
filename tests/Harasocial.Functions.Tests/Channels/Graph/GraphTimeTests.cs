using Harasocial.Sync.Channels.Graph;

namespace Harasocial.Functions.Tests.Channels.Graph;

public sealed class GraphTimeTests
{
    [Theory]
    [InlineData("2026-11-21T10:00:00+0000", "2026-11-21T10:00:00+00:00")]
    [InlineData("2026-11-21T17:00:00+0700", "2026-11-21T10:00:00+00:00")]
    [InlineData("2026-11-21T10:00:00+00:00", "2026-11-21T10:00:00+00:00")]
    [InlineData("2026-11-21T10:00:00Z", "2026-11-21T10:00:00+00:00")]
    [InlineData("2026-11-21T10:00:00.250-0130", "2026-11-21T11:30:00.250+00:00")]
    public void TryParse_GraphFormats_ParsesToSameInstant(string input, string expected)
    {
        Assert.True(GraphTime.TryParse(input, out var parsed));
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), parsed);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("yesterday")]
    [InlineData("2026-13-21T10:00:00+0000")]
    public void TryParse_Garbage_ReturnsFalse(string? input) => Assert.False(GraphTime.TryParse(input, out _));
}

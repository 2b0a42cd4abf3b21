using Harasocial.Sync.Channels;
using Harasocial.Sync.Channels.Facebook;
using Harasocial.Functions.Tests.Support;
using Microsoft.Extensions.Options;

namespace Harasocial.Functions.Tests.Channels.Facebook;

public sealed class FacebookWebhookParseTests
{
    private readonly FacebookWebhook _webhook = new(Options.Create(new FacebookOptions()));

    [Fact]
    public void Parse_MetaBatch_ReturnsOneEventPerMessageAndComment()
    {
        var events = _webhook.Parse(Fixture.Bytes("facebook", "batch.json"));

        Assert.Equal(7, events.Count); // 1 message + 1 echo + 1 standby + 4 comments; read/reaction/unknown verb ignored
        var inbound = Assert.IsType<MessageEvent>(events[0]);
        Assert.Equal(("104000000000001", "7100000000000001", "m_AbC123", "Còn size M không?"), (inbound.AccountId, inbound.CustomerId, inbound.Message.ExternalId, inbound.Message.Text));
        Assert.Equal(MessageDirection.In, inbound.Message.Direction);
        Assert.False(inbound.IsEcho);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1718000000000), inbound.OccurredAt);
        Assert.Equal(new ChannelAttachment("image", "https://cdn.example/a.jpg"), Assert.Single(inbound.Message.Attachments));

        var echo = Assert.IsType<MessageEvent>(events[1]);
        Assert.True(echo.IsEcho);
        Assert.Equal(MessageDirection.Out, echo.Message.Direction);
        Assert.Equal("7100000000000002", echo.CustomerId);
        Assert.Equal("123456", echo.AppId);

        var standby = Assert.IsType<MessageEvent>(events[2]);
        Assert.Equal("m_Standby1", standby.Message.ExternalId);
    }

    [Fact]
    public void Parse_FeedComments_MapsVerbsAndParents()
    {
        var comments = _webhook.Parse(Fixture.Bytes("facebook", "batch.json")).OfType<CommentEvent>().ToList();

        Assert.Equal([CommentVerb.Added, CommentVerb.Edited, CommentVerb.Removed, CommentVerb.Removed], comments.Select(c => c.Verb));
        var added = comments[0];
        Assert.Equal(("104000000000001_900", "900_501"), (added.PostExternalId, added.CommentExternalId));
        Assert.Null(added.Comment!.ParentExternalId); // parent = the post itself
        Assert.Equal(("7100000000000004", "Lan", "Ship HN bao lâu?"), (added.Comment.AuthorId, added.Comment.AuthorName, added.Comment.Text));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1718000199), added.OccurredAt);
        Assert.Equal("900_501", comments[1].Comment!.ParentExternalId);
        Assert.Null(comments[2].Comment);
    }

    [Fact]
    public void Parse_InstagramObject_IsIgnoredByFacebook() =>
        Assert.Empty(_webhook.Parse(Fixture.Bytes("instagram", "messaging.json")));

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"entry\":[]}")]
    [InlineData("{\"object\":\"page\"}")]
    public void Parse_WrongShape_ThrowsFormatException(string body) =>
        Assert.Throws<WebhookFormatException>(() => _webhook.Parse(System.Text.Encoding.UTF8.GetBytes(body)));
}

using Harasocial.Sync.Channels;
using Harasocial.Sync.Channels.Facebook;
using Harasocial.Sync.Channels.Instagram;
using Harasocial.Functions.Tests.Support;
using Microsoft.Extensions.Options;

namespace Harasocial.Functions.Tests.Channels.Instagram;

public sealed class InstagramWebhookParseTests
{
    private readonly InstagramWebhook _webhook = new(Options.Create(new FacebookOptions()));

    [Fact]
    public void Parse_Messaging_ReturnsInboundAndEcho()
    {
        var events = _webhook.Parse(Fixture.Bytes("instagram", "messaging.json")).Cast<MessageEvent>().ToList();

        Assert.Equal(2, events.Count);
        Assert.All(events, e => Assert.Equal(ChannelKind.Instagram, e.Channel));
        Assert.Equal(("17841400000000001", "6200000000000001", MessageDirection.In), (events[0].AccountId, events[0].CustomerId, events[0].Message.Direction));
        Assert.Equal(("6200000000000001", MessageDirection.Out, true, "987654"), (events[1].CustomerId, events[1].Message.Direction, events[1].IsEcho, events[1].AppId));
    }

    [Fact]
    public void Parse_Comments_ReturnsAddedCommentsAndIgnoresOtherFields()
    {
        var events = _webhook.Parse(Fixture.Bytes("instagram", "comment.json")).Cast<CommentEvent>().ToList();

        Assert.Equal(2, events.Count);
        Assert.Equal(("17800000000000001", "17900000000000001", CommentVerb.Added), (events[0].PostExternalId, events[0].CommentExternalId, events[0].Verb));
        Assert.Equal(("6200000000000002", "lan.ng", "còn màu đen ko"), (events[0].Comment!.AuthorId, events[0].Comment!.AuthorName, events[0].Comment!.Text));
        Assert.Equal("17900000000000001", events[1].Comment!.ParentExternalId);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1718000400), events[0].OccurredAt);
    }

    [Fact]
    public void Parse_PageObject_IsIgnoredByInstagram() =>
        Assert.Empty(_webhook.Parse(Fixture.Bytes("facebook", "batch.json")));
}

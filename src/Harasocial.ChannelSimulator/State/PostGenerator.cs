using System.Globalization;

namespace Harasocial.ChannelSimulator;

/// <summary>Facebook posts / Instagram media with comments, newest first. Small enough to materialise.</summary>
internal static class PostGenerator
{
    public static void AddPosts(SimAccount account, DateTimeOffset now)
    {
        if (account.Spec.Posts is not { } spec || !Channels.IsGraph(account.Channel))
        {
            return;
        }

        var count = spec.Count.PickInt(Det.Hash(account.Hash, 501));
        for (var p = 0; p < count; p++)
        {
            var h = Det.Hash(account.Hash, 502, (ulong)p);
            var created = now - TimeSpan.FromDays(spec.AgeDays.Pick(h));
            var local = Det.Digits(Det.Hash(h, 1), 16).ToString(CultureInfo.InvariantCulture);
            var ig = account.Channel == Channels.Instagram;
            var id = ig ? Det.Digits(Det.Hash(h, 1), 17).ToString(CultureInfo.InvariantCulture) : $"{account.Id}_{local}";
            var permalink = ig ? $"https://www.instagram.com/p/{local}/" : $"https://www.facebook.com/{account.Id}/posts/{local}";
            var post = new SimPost(id, Phrases.Pick(Phrases.Posts, h >> 3), created, permalink, ig ? "IMAGE" : "status");
            var comments = spec.Comments.PickInt(Det.Hash(h, 2));
            for (var c = 0; c < comments; c++)
            {
                var ch = Det.Hash(h, 3, (ulong)c);
                var at = created + TimeSpan.FromMinutes((now - created).TotalMinutes * Det.Unit(ch));
                var cid = Det.Digits(Det.Hash(ch, 1), ig ? 17 : 15).ToString(CultureInfo.InvariantCulture);
                var fromId = Det.Digits(Det.Hash(ch, 2), ig ? 17 : 16).ToString(CultureInfo.InvariantCulture);
                var fromName = ig ? Phrases.Username(Det.Hash(ch, 4)) : Phrases.PersonName(Det.Hash(ch, 4));
                post.Comments.Add(new SimComment(ig ? cid : $"{local}_{cid}", Phrases.Pick(Phrases.Comments, ch >> 5), at, fromId, fromName, null));
            }

            post.Comments.Sort((a, b) => b.CreatedAt.CompareTo(a.CreatedAt));
            account.Posts.Add(post);
        }

        account.Posts.Sort((a, b) => b.CreatedAt.CompareTo(a.CreatedAt));
    }
}

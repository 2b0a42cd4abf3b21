using System.Globalization;

namespace Harasocial.Sync.Channels.Shopee;

/// <summary>Conversation cursor `nano|id1,id2…`: `next_timestamp_nano` returns conversations with
/// last_message_timestamp &lt;= nano, so adjacent pages overlap (channel-apis.md §4.3 [community S6]; WIRE.md).
/// The ids already returned at that timestamp travel in the cursor and are dropped from the next page.</summary>
internal sealed record ShopeeCursor(long Nano, IReadOnlySet<string> SeenIds)
{
    /// <summary>Message cursor meaning "first page of get_message" (no offset). Used as MessagesCursor after a
    /// conversation list, whose inline page holds only the latest message.</summary>
    public const string MessagesStart = "start";

    public string Encode() => $"{Nano.ToString(CultureInfo.InvariantCulture)}|{string.Join(',', SeenIds.Order(StringComparer.Ordinal))}";

    public static ShopeeCursor? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
        {
            return null;
        }

        var bar = cursor.IndexOf('|', StringComparison.Ordinal);
        var nanoText = bar < 0 ? cursor : cursor[..bar];
        if (!long.TryParse(nanoText, NumberStyles.None, CultureInfo.InvariantCulture, out var nano))
        {
            throw new ArgumentException("Not a Shopee conversation cursor.", nameof(cursor));
        }

        var ids = bar < 0 ? [] : cursor[(bar + 1)..].Split(',', StringSplitOptions.RemoveEmptyEntries);
        return new ShopeeCursor(nano, new HashSet<string>(ids, StringComparer.Ordinal));
    }

    /// <summary>Drops already-seen ids and computes the next cursor. Null when `more` is false, or when a page
    /// brought nothing new at an unchanged timestamp (more items share one nanosecond than a page holds —
    /// stopping beats looping forever).</summary>
    public static (IReadOnlyList<ShopeeConversation> Items, string? Next) Page(ShopeeCursor? current, ShopeeConversationList list)
    {
        var raw = list.Conversations ?? [];
        var seen = current?.SeenIds ?? new HashSet<string>(StringComparer.Ordinal);
        var items = raw.Where(c => c.ConversationId is not null && !seen.Contains(c.ConversationId)).ToList();
        if (list.PageResult?.More != true || raw.Count == 0)
        {
            return (items, null);
        }

        var nano = long.TryParse(list.PageResult.NextCursor?.NextMessageTimeNano, NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? n
            : raw.Min(c => c.LastMessageTimestamp ?? 0);
        var carry = new HashSet<string>(raw.Where(c => c.LastMessageTimestamp == nano).Select(c => c.ConversationId!), StringComparer.Ordinal);
        if (carry.Count == 0 && raw[^1].ConversationId is { } last)
        {
            carry.Add(last);
        }

        if (current is not null && current.Nano == nano)
        {
            if (items.Count == 0)
            {
                return (items, null);
            }

            carry.UnionWith(current.SeenIds);
        }

        return (items, new ShopeeCursor(nano, carry).Encode());
    }
}

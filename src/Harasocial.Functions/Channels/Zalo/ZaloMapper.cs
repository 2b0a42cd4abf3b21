namespace Harasocial.Functions.Channels.Zalo;

internal static class ZaloMapper
{
    /// <summary>Direction = from_id == OA id ? Out : In. `src` is never trusted: sources disagree on its meaning
    /// (channel-apis.md §3.4 [conflict]; WIRE.md "Zalo").</summary>
    public static ChannelMessage ToMessage(ZaloRow row, string oaId)
    {
        var outbound = string.Equals(row.FromId, oaId, StringComparison.Ordinal);
        var type = row.Type ?? "text";
        var attachments = type switch
        {
            "text" => [],
            "photo" or "image" => [new ChannelAttachment("image", row.Url ?? row.Thumb)],
            "link" => [new ChannelAttachment("link", row.Url)],
            _ => new List<ChannelAttachment> { new(type, row.Url ?? row.Thumb) },
        };
        return new ChannelMessage(
            row.MessageId ?? throw new FormatException("Zalo row without message_id."),
            outbound ? MessageDirection.Out : MessageDirection.In,
            string.IsNullOrEmpty(row.Message) ? null : row.Message,
            attachments,
            row.Time is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : DateTimeOffset.UnixEpoch,
            row.FromId);
    }

    /// <summary>The customer of a row: `from_id` unless it is the OA, else `to_id`.</summary>
    public static ChannelCustomer CustomerOf(ZaloRow row, string oaId) =>
        string.Equals(row.FromId, oaId, StringComparison.Ordinal)
            ? new ChannelCustomer(row.ToId ?? "", row.ToDisplayName)
            : new ChannelCustomer(row.FromId ?? "", row.FromDisplayName);

    /// <summary>listrecentchat rows are either one per customer (simulator, thread-summary reading) or one per
    /// message (Z5's reading, channel-apis.md §3.3 [conflict]). Grouping by customer handles both: one
    /// conversation per customer, its rows as inline messages newest first. ExternalId = customer id (Zalo has
    /// no thread id); MessagesCursor = offset 0 of `/v2.0/oa/conversation`.</summary>
    public static IReadOnlyList<ChannelConversation> GroupByCustomer(IReadOnlyList<ZaloRow> rows, string oaId, int inlineMessages)
    {
        var result = new List<ChannelConversation>();
        foreach (var group in rows.Where(r => r.MessageId is not null).GroupBy(r => CustomerOf(r, oaId).Id, StringComparer.Ordinal))
        {
            if (group.Key.Length == 0)
            {
                continue;
            }

            var messages = group.OrderByDescending(r => r.Time ?? 0).Select(r => ToMessage(r, oaId)).ToList();
            var customer = group.Select(r => CustomerOf(r, oaId)).FirstOrDefault(c => c.Name is not null) ?? CustomerOf(group.First(), oaId);
            result.Add(new ChannelConversation(
                group.Key,
                customer,
                messages[0].SentAt,
                messages.Take(Math.Max(inlineMessages, 0)).ToList(),
                ZaloCursor.Encode(0)));
        }

        return result;
    }
}

/// <summary>Zalo pages by offset/count: the cursor is the next offset; fewer rows than asked = last page.</summary>
internal static class ZaloCursor
{
    public static string Encode(int offset) => offset.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static int Decode(string? cursor) =>
        string.IsNullOrEmpty(cursor) ? 0
        : int.TryParse(cursor, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var offset) ? offset
        : throw new ArgumentException("Not a Zalo cursor.", nameof(cursor));

    public static string? Next(int offset, int asked, int received) => received < asked ? null : Encode(offset + received);
}

namespace Harasocial.Sync.Channels.Zalo;

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

    /// <summary>
    /// listrecentchat rows are one per customer (the thread-summary reading) or one per message (Z5's reading: the
    /// newest messages across all customers, one customer in many rows) — channel-apis.md §3.3 [conflict]. Either way
    /// this gives one conversation per customer, in the order of each customer's first (= newest) row, with that
    /// customer's rows of the page as inline messages newest first. ExternalId = customer id (Zalo has no thread id);
    /// MessagesCursor = offset 0 of `/v2.0/oa/conversation`; ResumeCursor = the offset just after the customer's first
    /// row, where a walk that stops at this customer continues. <paramref name="offset"/> is the page's offset.
    /// </summary>
    public static IReadOnlyList<ChannelConversation> GroupByCustomer(IReadOnlyList<ZaloRow> rows, string oaId, int inlineMessages, int offset = 0)
    {
        var result = new List<ChannelConversation>();
        var byCustomer = rows
            .Select((row, index) => (Row: row, Index: index))
            .Where(r => r.Row.MessageId is not null)
            .GroupBy(r => CustomerOf(r.Row, oaId).Id, StringComparer.Ordinal);
        foreach (var group in byCustomer)
        {
            if (group.Key.Length == 0)
            {
                continue;
            }

            var messages = group.OrderByDescending(r => r.Row.Time ?? 0).Select(r => ToMessage(r.Row, oaId)).ToList();
            var customer = group.Select(r => CustomerOf(r.Row, oaId)).FirstOrDefault(c => c.Name is not null) ?? CustomerOf(group.First().Row, oaId);
            result.Add(new ChannelConversation(
                group.Key,
                customer,
                messages[0].SentAt,
                messages.Take(Math.Max(inlineMessages, 0)).ToList(),
                ZaloCursor.Encode(0),
                ZaloCursor.Encode(offset + group.First().Index + 1)));
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

using System.Globalization;

namespace Harasocial.ChannelSimulator;

/// <summary>Computes generated messages and ids on demand from (seed, thread, index) instead of storing them.</summary>
internal static class MessageFactory
{
    public static string MessageId(string channel, ulong threadHash, int index)
    {
        var a = Det.Hash(threadHash, (ulong)index, 7);
        var b = Det.Hash(threadHash, (ulong)index, 8);
        return channel switch
        {
            Channels.Zalo => Det.Hex(a, b, 20),
            Channels.Shopee => BigId(a),
            _ => "m_" + Base64Url(a, b, Det.Hash(threadHash, (ulong)index, 9)),
        };
    }

    /// <summary>An 19-digit id above 2^53 that still fits a signed 64-bit integer.</summary>
    public static string BigId(ulong hash) =>
        (1_000_000_000_000_000_000UL + (hash % 8_000_000_000_000_000_000UL)).ToString(CultureInfo.InvariantCulture);

    /// <summary>The message at chronological <paramref name="index"/> (0 = oldest).</summary>
    public static SimMessage Get(string channel, SimThread thread, int index)
    {
        if (index >= thread.GeneratedCount)
        {
            return thread.Added[index - thread.GeneratedCount];
        }

        var at = thread.GeneratedNewest - TimeSpan.FromTicks(thread.StepTicks * (thread.GeneratedCount - 1 - index));
        var h = Det.Hash(thread.Hash, (ulong)index, 3);
        var inbound = IsInbound(thread, index, h);
        var text = Phrases.Pick(inbound ? Phrases.Buyer : Phrases.Seller, h >> 8);
        SimAttachment? attachment = null;
        if (inbound && index > 0 && h % 11 == 0)
        {
            var id = (Det.Hash(h, 1) % 1_000_000_000_000_000UL).ToString(CultureInfo.InvariantCulture);
            attachment = new SimAttachment(id, "image", $"https://cdn.simulator.invalid/img/{id}.jpg", $"image-{id}.jpg", "image/jpeg", 960, 1280);
            text = h % 2 == 0 ? null : text;
        }

        return new SimMessage(index, MessageId(channel, thread.Hash, index), inbound, at, text, attachment);
    }

    /// <summary>The first message is from the buyer; the last usually is (always in a spam-folder thread); the rest mostly alternate.</summary>
    private static bool IsInbound(SimThread thread, int index, ulong h)
    {
        if (index == 0)
        {
            return true;
        }

        if (index == thread.GeneratedCount - 1)
        {
            return thread.GeneratedAsSpam || Det.Unit(Det.Hash(thread.Hash, 11)) < 0.8;
        }

        return (index % 2 == 0) ^ (h % 7 == 0);
    }

    /// <summary>The newest message first; <paramref name="skip"/> counts from the newest.</summary>
    public static IEnumerable<SimMessage> NewestFirst(string channel, SimThread thread, int skip, int take)
    {
        for (var i = thread.MessageCount - 1 - skip; i >= 0 && take > 0; i--, take--)
        {
            yield return Get(channel, thread, i);
        }
    }

    public static DateTimeOffset? LastInboundAt(string channel, SimThread thread)
    {
        for (var i = thread.MessageCount - 1; i >= 0; i--)
        {
            var message = Get(channel, thread, i);
            if (message.Inbound)
            {
                return message.At;
            }
        }

        return null;
    }

    private static string Base64Url(ulong a, ulong b, ulong c)
    {
        var bytes = new byte[24];
        BitConverter.TryWriteBytes(bytes.AsSpan(0), a);
        BitConverter.TryWriteBytes(bytes.AsSpan(8), b);
        BitConverter.TryWriteBytes(bytes.AsSpan(16), c);
        return Convert.ToBase64String(bytes).Replace('+', '-').Replace('/', '_').TrimEnd('=');
    }
}

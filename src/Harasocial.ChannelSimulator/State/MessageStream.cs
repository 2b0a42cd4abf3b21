namespace Harasocial.ChannelSimulator;

/// <summary>
/// Every message of every thread of one folder as one list, newest first: a k-way merge of the threads' own
/// newest-first messages, materialised only as far as callers have paged (an OA with 2,000 customers holds ~150,000
/// messages; a walk to the first 100 customers reads a few thousand). Ties sort like <see cref="ThreadList"/>
/// (thread id), then newest index first. Rebuilt when the account's threads change. Guarded by the state lock.
/// </summary>
internal sealed class MessageStream
{
    private readonly List<(SimThread Thread, SimMessage Message)> _rows = [];
    private readonly PriorityQueue<(SimThread Thread, SimMessage Message), (SimThread Thread, SimMessage Message)> _heads = new(
        Comparer<(SimThread Thread, SimMessage Message)>.Create(static (x, y) =>
        {
            var byKey = ThreadList.CompareKey(x.Message.At.UtcTicks, x.Thread.ThreadId, y.Message.At.UtcTicks, y.Thread.ThreadId);
            return byKey != 0 ? byKey : y.Message.Index.CompareTo(x.Message.Index);
        }));

    private readonly string _channel;

    private MessageStream(SimAccount account, string folder)
    {
        _channel = account.Channel;
        Changes = account.Changes;
        var list = account.Folder(folder);
        for (var i = 0; i < list.Count; i++)
        {
            if (list[i].MessageCount > 0)
            {
                Enqueue(list[i], list[i].MessageCount - 1);
            }
        }
    }

    private int Changes { get; }

    /// <summary>The account's stream, reusing the cached one while the threads are unchanged.</summary>
    public static MessageStream Of(SimAccount account)
    {
        if (account.RecentMessages is not { } stream || stream.Changes != account.Changes)
        {
            stream = new MessageStream(account, "inbox");
            account.RecentMessages = stream;
        }

        return stream;
    }

    /// <summary>Rows <paramref name="offset"/> … offset + count − 1 (fewer at the end of the stream).</summary>
    public IReadOnlyList<(SimThread Thread, SimMessage Message)> Page(int offset, int count)
    {
        while (_rows.Count < offset + count && _heads.TryDequeue(out var head, out _))
        {
            _rows.Add(head);
            if (head.Message.Index > 0)
            {
                Enqueue(head.Thread, head.Message.Index - 1);
            }
        }

        return offset >= _rows.Count ? [] : _rows.GetRange(offset, Math.Min(count, _rows.Count - offset));
    }

    private void Enqueue(SimThread thread, int index)
    {
        var message = MessageFactory.Get(_channel, thread, index);
        _heads.Enqueue((thread, message), (thread, message));
    }
}

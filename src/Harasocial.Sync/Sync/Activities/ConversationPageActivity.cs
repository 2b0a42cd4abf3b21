using System.Security.Cryptography;
using System.Text;
using Harasocial.Sync.Channels;
using Harasocial.Sync.Storage;
using Harasocial.Sync.Sync.Durable;
using Harasocial.Sync.Sync.Jobs;
using Harasocial.Sync.Sync.Steps;

namespace Harasocial.Sync.Sync.Activities;

/// <summary>What to import from one page of a conversation listing, and where the walk stands.</summary>
internal sealed record PageInput(JobRef Job, ChannelPolicy Policy, string Folder, string? Cursor, SyncStepState Walk, TimeSpan SpamDelay);

/// <summary>One conversation whose messages still need importing (beyond what the listing carried inline).</summary>
internal sealed record ConversationWork(string CustomerId, string? ThreadId, string? Cursor, int Remaining, bool StopAtKnown, bool CheckFollower);

/// <param name="NextCursor">Where the listing continues; null when the walk is done.</param>
/// <param name="Done">The walk is over: the selection rule is satisfied or the listing ended.</param>
/// <param name="Walk">The counters the next page continues from.</param>
/// <param name="Follow">Conversations that need their own message import.</param>
/// <param name="Seen">Conversations the page listed (before selection): what the channel had.</param>
/// <param name="SpamFollowUpAt">Spam folder: when the freshest thread left behind becomes due.</param>
/// <param name="MessageLimitHit">A conversation held more messages than the limit (Graph: seen from the inline page).</param>
internal sealed record PageResult(
    string? NextCursor, bool Done, SyncStepState Walk, IReadOnlyList<ConversationWork> Follow, int Seen, DateTimeOffset? SpamFollowUpAt, bool MessageLimitHit = false);

/// <summary>
/// <c>ImportConversationPage</c>: one page of a channel's conversation list (one paced call) and its writes — the
/// conversations it takes and, on Graph, their inline messages, one transaction per conversation. Zalo and Shopee
/// take only conversations not held before this job, so load-more continues where the last listing stopped.
/// </summary>
internal sealed class ConversationPageActivity(
    ChannelWork work, ConversationStore conversations, MessageStore messages, ConnectionStore connections, CallGate gate) : ISyncActivity<PageInput, ActivityResult<PageResult>>
{
    public Task<ActivityResult<PageResult>> RunAsync(PageInput input, CancellationToken cancellationToken) =>
        work.RunAsync(input.Job, context => ImportAsync(context, input, cancellationToken), cancellationToken);

    /// <summary>Message batches of one page written at once (a page holds up to 25 conversations).</summary>
    public const int MessageBatchesInFlight = 4;

    private async Task<(PageResult, JobCounts)> ImportAsync(WorkContext context, PageInput input, CancellationToken cancellationToken)
    {
        var (job, policy, channel) = (input.Job, input.Policy, context.Channel);
        var graph = channel is ChannelKind.Facebook or ChannelKind.Instagram;
        await gate.WaitTurnAsync($"{channel.ToWireName()}|{context.Account.ExternalId}", policy.ConversationCallsPerSecond, cancellationToken);
        var page = await context.Client.ListConversationsAsync(
            context.Account,
            new ConversationQuery(input.Cursor, context.Client.Limits.ConversationPageSize, graph ? policy.Messages : 0, input.Folder),
            cancellationToken);

        // The unit of work this activity is: the same page of the same job, however often it runs (a re-run after a
        // crash finds its own rows and counts them again, exactly once per job).
        var stepId = UnitId(input);
        var (selection, followUpAt) = await SelectAsync(context, input, page, graph, stepId, cancellationToken);
        var byCustomer = selection.Taken.DistinctBy(c => c.Customer.Id, StringComparer.Ordinal).ToDictionary(c => c.Customer.Id, StringComparer.Ordinal);
        var created = await conversations.SaveAsync(
            job.ConnectionId,
            byCustomer.Keys,
            (old, id) => ConversationRows.Merge(old, byCustomer[id], input.Folder, job.JobId, stepId, context.Now),
            cancellationToken,
            assumeNew: graph && job.Kind == JobKinds.Initial,
            createdBy: row => ConversationRows.CreatedBy(row, job.JobId, stepId));

        var stored = new JobCounts(Conversations: byCustomer.Count, NewConversations: created.Count);
        var follow = new List<ConversationWork>();
        var stopAtKnown = input.Walk.Since is not null;
        if (graph)
        {
            // A few conversations' message batches at a time: Azure.Data.Tables holds a 100-entity transaction's request
            // (~150 KB here) until storage answers, and a whole page at once in each of many concurrent activities
            // tripled the app's heap (benchmark 5) for no gain in throughput.
            var writer = MessageStore.WriterOf(job.JobId, stepId);
            var saved = new int[byCustomer.Count];
            await Parallel.ForEachAsync(
                byCustomer.Values.Select((c, i) => (Conversation: c, Index: i)),
                new ParallelOptions { MaxDegreeOfParallelism = MessageBatchesInFlight, CancellationToken = cancellationToken },
                async (item, ct) =>
                {
                    var inline = item.Conversation.Messages.Take(policy.Messages).ToList();
                    saved[item.Index] = (await messages.SaveAsync(job.ConnectionId, item.Conversation.Customer.Id, inline, created.Contains(item.Conversation.Customer.Id), writer, ct)).Stored;
                });
            stored = stored with { Messages = saved.Sum(), NewMessages = saved.Sum() };
            follow.AddRange(byCustomer.Values
                .Where(c => c.Messages.Count < policy.Messages && c.MessagesCursor is not null)
                .Select(c => new ConversationWork(c.Customer.Id, c.ExternalId, c.MessagesCursor, policy.Messages - c.Messages.Count, stopAtKnown, CheckFollower: false)));
        }
        else
        {
            follow.AddRange(byCustomer.Values.Select(c => new ConversationWork(
                c.Customer.Id, c.ExternalId, c.MessagesCursor, policy.Messages, stopAtKnown, CheckFollower: channel == ChannelKind.Zalo)));
        }

        var walk = input.Walk with { RecentFound = selection.RecentFound, OlderTaken = selection.OlderTaken, Taken = selection.TakenSoFar };
        var done = selection.Done || page.NextCursor is null;
        if (channel == ChannelKind.Zalo && input.Walk.Since is null && input.Folder == "inbox")
        {
            // Zalo: how many customers the walk has taken and where load-more continues (SPEC §2).
            await connections.MutateAsync(job.TenantId, job.ConnectionId, c =>
            {
                if (c.ListedConversations > selection.TakenSoFar)
                {
                    return false;
                }

                c.ListedConversations = selection.TakenSoFar;
                c.ListCursor = selection.ResumeAt;
                return true;
            }, cancellationToken);
        }

        var limitHit = graph && byCustomer.Values.Any(c => c.Messages.Count >= policy.Messages && c.MessagesCursor is not null);
        var next = done ? null : page.NextCursor;
        return (new PageResult(next, done, walk with { Cursor = next }, follow, page.Items.Count, followUpAt, limitHit), stored);
    }

    /// <summary>
    /// Spam folder: the threads whose buyer wrote long enough ago — measured now, when the import runs, not when its
    /// timer was set (Durable timers may fire early). Otherwise <see cref="ConversationSelection"/>, each Zalo/Shopee
    /// customer judged against its stored row: load-more takes only customers not held before this job, a later page
    /// of the walk skips a customer an earlier page took, and a re-run takes again what it stored itself. Graph pages
    /// never repeat a conversation and take what they list.
    /// </summary>
    private async Task<(ConversationSelection Selection, DateTimeOffset? FollowUpAt)> SelectAsync(
        WorkContext context, PageInput input, ConversationPage page, bool graph, string stepId, CancellationToken cancellationToken)
    {
        if (input.Folder == "spam")
        {
            var (ready, dueAt) = SpamSelection.Choose(page.Items, input.SpamDelay, context.Now);
            return (new ConversationSelection(ready, false, 0, 0, "spam conversations", input.Walk.Taken + ready.Count), dueAt);
        }

        var stored = graph
            ? []
            : await conversations.GetManyAsync(input.Job.ConnectionId, page.Items.Select(c => c.Customer.Id), cancellationToken);
        var state = input.Walk with { Cursor = input.Cursor };
        var selection = ConversationSelection.Choose(
            input.Policy, state, page, id => CustomerWalk.Standing(stored.GetValueOrDefault(id), input.Job.JobId, stepId), input.Job.CreatedAt);
        return (selection, null);
    }

    private static string UnitId(PageInput input) =>
        $"page:{input.Folder}:{(input.Cursor is null ? "start" : Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(input.Cursor)))[..16])}";
}

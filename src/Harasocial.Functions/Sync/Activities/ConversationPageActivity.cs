using Harasocial.Functions.Channels;
using Harasocial.Functions.Storage;
using Harasocial.Functions.Sync.Durable;
using Harasocial.Functions.Sync.Jobs;
using Harasocial.Functions.Sync.Steps;

namespace Harasocial.Functions.Sync.Activities;

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

    private async Task<(PageResult, JobCounts)> ImportAsync(WorkContext context, PageInput input, CancellationToken cancellationToken)
    {
        var (job, policy, channel) = (input.Job, input.Policy, context.Channel);
        var graph = channel is ChannelKind.Facebook or ChannelKind.Instagram;
        await gate.WaitTurnAsync($"{channel.ToWireName()}|{context.Account.ExternalId}", policy.ConversationCallsPerSecond, cancellationToken);
        var page = await context.Client.ListConversationsAsync(
            context.Account,
            new ConversationQuery(input.Cursor, context.Client.Limits.ConversationPageSize, graph ? policy.Messages : 0, input.Folder),
            cancellationToken);

        // Ones this job stored itself are taken again: a re-run after a crash must redo the same work.
        var held = graph || input.Walk.Since is not null
            ? []
            : (await conversations.GetManyAsync(job.ConnectionId, page.Items.Select(c => c.Customer.Id), cancellationToken)).Values
                .Where(c => !string.Equals(c.ImportedByJob, job.JobId, StringComparison.Ordinal))
                .Select(c => c.CustomerId)
                .ToHashSet(StringComparer.Ordinal);
        ConversationSelection selection;
        DateTimeOffset? followUpAt = null;
        if (input.Folder == "spam")
        {
            // The age is checked here, when the import runs, not when the timer was set: Durable timers may fire early.
            var (ready, dueAt) = SpamSelection.Choose(page.Items, input.SpamDelay, context.Now);
            selection = new ConversationSelection(ready, false, 0, 0, "spam conversations");
            followUpAt = dueAt;
        }
        else
        {
            selection = ConversationSelection.Choose(policy, input.Walk, page.Items, held, job.CreatedAt);
        }

        var byCustomer = selection.Taken.DistinctBy(c => c.Customer.Id, StringComparer.Ordinal).ToDictionary(c => c.Customer.Id, StringComparer.Ordinal);
        var created = await conversations.SaveAsync(
            job.ConnectionId,
            byCustomer.Keys,
            (old, id) => ConversationRows.Merge(old, byCustomer[id], input.Folder, job.JobId, context.Now),
            cancellationToken,
            assumeNew: graph && job.Kind == JobKinds.Initial);

        var stored = new JobCounts(Conversations: byCustomer.Count, NewConversations: created.Count);
        var follow = new List<ConversationWork>();
        var stopAtKnown = input.Walk.Since is not null;
        if (graph)
        {
            var saved = await Task.WhenAll(byCustomer.Values.Select(async c =>
            {
                var inline = c.Messages.Take(policy.Messages).ToList();
                var fresh = await messages.SaveAsync(job.ConnectionId, c.Customer.Id, inline, created.Contains(c.Customer.Id), cancellationToken);
                return (Stored: inline.Count, Fresh: fresh);
            }));
            stored = stored with { Messages = saved.Sum(s => s.Stored), NewMessages = saved.Sum(s => s.Fresh) };
            follow.AddRange(byCustomer.Values
                .Where(c => c.Messages.Count < policy.Messages && c.MessagesCursor is not null)
                .Select(c => new ConversationWork(c.Customer.Id, c.ExternalId, c.MessagesCursor, policy.Messages - c.Messages.Count, stopAtKnown, CheckFollower: false)));
        }
        else
        {
            follow.AddRange(byCustomer.Values.Select(c => new ConversationWork(
                c.Customer.Id, c.ExternalId, c.MessagesCursor, policy.Messages, stopAtKnown, CheckFollower: channel == ChannelKind.Zalo)));
        }

        var taken = input.Walk.Taken + byCustomer.Count;
        var walk = input.Walk with { RecentFound = selection.RecentFound, OlderTaken = selection.OlderTaken, Taken = taken };
        var done = selection.Done || page.NextCursor is null;
        if (channel == ChannelKind.Zalo && input.Walk.Since is null)
        {
            // Where load-more continues: the page that held the last conversation taken, or the next one.
            var resumeAt = selection.Done ? input.Cursor : page.NextCursor;
            await connections.MutateAsync(job.TenantId, job.ConnectionId, c =>
            {
                if (c.ListedConversations > taken)
                {
                    return false;
                }

                c.ListedConversations = taken;
                c.ListCursor = resumeAt;
                return true;
            }, cancellationToken);
        }

        var limitHit = graph && byCustomer.Values.Any(c => c.Messages.Count >= policy.Messages && c.MessagesCursor is not null);
        return (new PageResult(done ? null : page.NextCursor, done, walk, follow, page.Items.Count, followUpAt, limitHit), stored);
    }
}

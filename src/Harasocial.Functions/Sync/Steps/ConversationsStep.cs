using Harasocial.Functions.Channels;
using Harasocial.Functions.Storage;
using Harasocial.Functions.Sync.Timers;
using Microsoft.Extensions.Options;

namespace Harasocial.Functions.Sync.Steps;

/// <summary>
/// One page of a channel's conversation list (one paced call): stores the conversations it takes — with their
/// inline messages on Graph, one transaction per conversation — and enqueues what follows: the next page,
/// per-conversation message pages, or the Zalo follower lookup.
/// </summary>
internal sealed class ConversationsStep(
    ConversationStore conversations, MessageStore messages, ConnectionStore connections, CallGate gate, SpamChecks spam, IOptions<SyncOptions> options)
{
    /// <summary>Message batches of one page written at once (a page holds up to 25 conversations).</summary>
    public const int MessageBatchesInFlight = 4;

    public async Task<StepResult> RunAsync(StepContext context, CancellationToken cancellationToken)
    {
        var (step, policy, channel) = (context.Step, context.Policy, context.Channel);
        var graph = channel is ChannelKind.Facebook or ChannelKind.Instagram;
        await gate.WaitTurnAsync($"{channel.ToWireName()}|{context.Account.ExternalId}", policy.ConversationCallsPerSecond, cancellationToken);
        var page = await context.Client.ListConversationsAsync(
            context.Account,
            new ConversationQuery(step.Cursor, context.Client.Limits.ConversationPageSize, graph ? policy.Messages : 0, step.Folder),
            cancellationToken);

        // Zalo and Shopee take only conversations not held before this job, so load-more continues where the last
        // call stopped. Ones this job stored itself are taken again: a re-run after a crash must redo the same work.
        var held = graph || step.Since is not null
            ? []
            : (await conversations.GetManyAsync(step.ConnectionId, page.Items.Select(c => c.Customer.Id), cancellationToken)).Values
                .Where(c => !string.Equals(c.ImportedByJob, step.JobId, StringComparison.Ordinal))
                .Select(c => c.CustomerId)
                .ToHashSet(StringComparer.Ordinal);
        var state = new SyncStepState(step.RecentFound, step.OlderTaken, step.Taken, step.Target, step.Since);
        ConversationSelection selection;
        if (step.Folder == "spam")
        {
            var (ready, followUpAt) = SpamSelection.Choose(page.Items, options.Value.SpamDelay, context.Now);
            selection = new ConversationSelection(ready, false, 0, 0, "spam conversations");
            if (followUpAt is { } at)
            {
                await spam.ScheduleAsync(step.TenantId, step.ConnectionId, at, cancellationToken);
            }
        }
        else
        {
            selection = ConversationSelection.Choose(policy, state, page.Items, held, context.Now);
        }

        var byCustomer = selection.Taken.DistinctBy(c => c.Customer.Id, StringComparer.Ordinal).ToDictionary(c => c.Customer.Id, StringComparer.Ordinal);
        var created = await conversations.SaveAsync(
            step.ConnectionId,
            byCustomer.Keys,
            (old, id) => ConversationRows.Merge(old, byCustomer[id], step.Folder, step.JobId, context.Now),
            cancellationToken,
            assumeNew: graph && context.Job.Kind == JobKinds.Initial);

        var progress = new StepProgress(Conversations: byCustomer.Count, ApiCalls: context.Client.Calls, NewConversations: created.Count);
        var children = new List<(string, SyncStep)>();
        if (graph)
        {
            // A few conversations' message batches at a time: Azure.Data.Tables holds a 100-entity transaction's request
            // (~150 KB here) until storage answers, and all 25 of a page at once in each of 16 concurrent steps tripled
            // the app's heap (benchmark 5) for no gain in throughput.
            var saved = new (int Stored, int Fresh)[byCustomer.Count];
            await Parallel.ForEachAsync(
                byCustomer.Values.Select((c, i) => (Conversation: c, Index: i)),
                new ParallelOptions { MaxDegreeOfParallelism = MessageBatchesInFlight, CancellationToken = cancellationToken },
                async (item, ct) =>
                {
                    var inline = item.Conversation.Messages.Take(policy.Messages).ToList();
                    var fresh = await messages.SaveAsync(step.ConnectionId, item.Conversation.Customer.Id, inline, created.Contains(item.Conversation.Customer.Id), ct);
                    saved[item.Index] = (inline.Count, fresh);
                });
            progress = progress with { Messages = saved.Sum(s => s.Stored), NewMessages = saved.Sum(s => s.Fresh) };
            children.AddRange(byCustomer.Values
                .Where(c => c.Messages.Count < policy.Messages && c.MessagesCursor is not null)
                .Select(c => (StepTypes.Messages, MessagesChild(step, c, policy.Messages - c.Messages.Count))));
        }
        else
        {
            children.AddRange(byCustomer.Values.Select(c => channel == ChannelKind.Zalo
                ? (StepTypes.Customer, step.Child(StepIds.Customer(step.StepId, c.Customer.Id)) with { CustomerId = c.Customer.Id, ThreadId = c.ExternalId, Cursor = c.MessagesCursor, StopAtKnown = step.Since is not null })
                : (StepTypes.Messages, MessagesChild(step, c, policy.Messages))));
        }

        var taken = step.Taken + byCustomer.Count;
        if (!selection.Done && page.NextCursor is not null)
        {
            children.Add((StepTypes.Conversations, step.Child(StepIds.ConversationPage(step.Folder, page.NextCursor)) with
            {
                Cursor = page.NextCursor,
                RecentFound = selection.RecentFound,
                OlderTaken = selection.OlderTaken,
                Taken = taken,
            }));
        }

        if (channel == ChannelKind.Zalo)
        {
            // Where load-more continues: the page that held the last conversation taken, or the next one.
            var resumeAt = selection.Done ? step.Cursor : page.NextCursor;
            await connections.MutateAsync(step.TenantId, step.ConnectionId, c =>
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

        return new StepResult(progress, children, selection.Phase);
    }

    private static SyncStep MessagesChild(SyncStep step, ChannelConversation c, int remaining) =>
        step.Child(StepIds.Messages(step.StepId, c.Customer.Id, c.MessagesCursor)) with
        {
            CustomerId = c.Customer.Id,
            ThreadId = c.ExternalId,
            Cursor = c.MessagesCursor,
            Remaining = remaining,
            Taken = 0,
            Target = 0,
            StopAtKnown = step.Since is not null,
        };
}

using Harasocial.Sync.Sync.Steps;
using Harasocial.Sync.Channels;
using Harasocial.Sync.Sync.Activities;
using Harasocial.Sync.Sync.Durable;
using Harasocial.Sync.Sync.Jobs;

namespace Harasocial.Sync.Sync.Orchestrations;

/// <summary>What a walk over a conversation listing found and imported.</summary>
internal sealed record WalkOutcome(
    SyncStepState Walk,
    int Seen,
    bool ListEnded,
    long Messages,
    bool MessageLimitHit,
    int Unfollowers,
    long UnfollowerMessages,
    DateTimeOffset? SpamFollowUpAt);

/// <summary>
/// Walks a conversation listing page by page (one <c>ImportConversationPage</c> activity each, in order: each page's
/// selection depends on the ones before) and imports the messages of the conversations that need more than their
/// page carried — one <c>ImportConversationMessages</c> activity per conversation, at most
/// <see cref="ChannelPolicy.ParallelConversations"/> at once, overlapping with the next pages.
/// </summary>
internal static class ConversationWalk
{
    public static async Task<WalkOutcome> RunAsync(JobFlow flow, string folder, string? cursor, SyncStepState walk, TimeSpan spamDelay = default)
    {
        var policy = flow.Job.Policy;
        var running = new List<Task<(ConversationWork Work, MessagesResult Result)>>();
        var finished = new List<(ConversationWork Work, MessagesResult Result)>();
        var (seen, listEnded, limitHit) = (0, false, false);
        DateTimeOffset? followUp = null;
        while (true)
        {
            flow.Enter(folder == "spam" ? "spam folder" : "conversations");
            var page = await flow.RunAsync<PageInput, PageResult>(
                SyncTaskNames.ImportConversationPage, new PageInput(flow.Ref, policy, folder, cursor, walk, spamDelay));
            (seen, walk, cursor) = (seen + page.Seen, page.Walk, page.NextCursor);
            followUp = Earliest(followUp, page.SpamFollowUpAt);
            limitHit |= page.MessageLimitHit;
            foreach (var work in page.Follow)
            {
                if (running.Count >= Math.Max(1, policy.ParallelConversations))
                {
                    var done = await Task.WhenAny(running);
                    running.Remove(done);
                    finished.Add(await done);
                }

                running.Add(ImportMessagesAsync(flow, work, walk.Since));
            }

            if (page.Done)
            {
                listEnded = page.NextCursor is null && !ReachedLimit(policy, walk);
                break;
            }
        }

        if (running.Count > 0)
        {
            flow.Enter("messages");
            finished.AddRange(await Task.WhenAll(running));
        }

        var unfollowers = finished.Where(f => f.Result.IsFollower == false).ToList();
        return new WalkOutcome(
            walk,
            seen,
            listEnded,
            finished.Sum(f => (long)f.Result.Imported),
            limitHit || finished.Any(f => f.Result.HitLimit),
            unfollowers.Count,
            unfollowers.Sum(f => (long)f.Result.Imported),
            followUp);
    }

    /// <summary>One conversation's messages: resumed from where a failed call stopped, as long as each call makes progress.</summary>
    public static async Task<(ConversationWork, MessagesResult)> ImportMessagesAsync(JobFlow flow, ConversationWork work, DateTimeOffset? since)
    {
        var result = await flow.RunAsync<MessagesInput, MessagesResult>(SyncTaskNames.ImportConversationMessages, new MessagesInput(flow.Ref, flow.Job.Policy, work, since));
        var (imported, follows) = (result.Imported, result.IsFollower);
        for (var resumes = 0; result.Resume is { } resume && resumes < MaxResumes; resumes++)
        {
            if (result.ResumeAfter is { } wait)
            {
                await flow.WaitAsync(wait);
            }

            result = await flow.RunAsync<MessagesInput, MessagesResult>(SyncTaskNames.ImportConversationMessages, new MessagesInput(flow.Ref, flow.Job.Policy, resume, since));
            imported += result.Imported;
        }

        return (work, result with { Imported = imported, IsFollower = follows ?? result.IsFollower });
    }

    /// <summary>A conversation has at most ~11 pages; every resume stored at least one of them.</summary>
    private const int MaxResumes = 50;

    private static bool ReachedLimit(ChannelPolicy policy, SyncStepState walk) =>
        policy.RecentDays is null && walk.Since is null && walk.Taken >= walk.Target;

    private static DateTimeOffset? Earliest(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : (a < b ? a : b);

    /// <summary>The import report of an initial sync's or load-more's conversations (SPEC §4).</summary>
    public static void Report(JobFlow flow, WalkOutcome outcome)
    {
        var (job, policy, walk) = (flow.Job, flow.Job.Policy, outcome.Walk);
        var channel = job.Channel.ToWireName();
        var exhausted = outcome.ListEnded ? StoppedBecause.Exhausted : StoppedBecause.Limit;
        if (policy.RecentDays is { } days)
        {
            var phase1Ended = walk.OlderTaken > 0 || !outcome.ListEnded;
            flow.AddReport(new LimitReport($"{channel}.phase1.days{days}", days, walk.RecentFound, walk.RecentFound, phase1Ended ? StoppedBecause.Limit : StoppedBecause.Exhausted));
            if (walk.RecentFound < policy.FillUpBelow)
            {
                flow.AddReport(new LimitReport($"{channel}.phase2.batch", policy.FillUpMax, null, walk.OlderTaken, walk.OlderTaken >= policy.FillUpMax ? StoppedBecause.Limit : exhausted));
                var cap = policy.FillUpBelow + policy.FillUpMax;
                flow.AddReport(new LimitReport($"{channel}.total", cap, null, walk.Taken, walk.Taken >= cap ? StoppedBecause.Limit : exhausted));
            }
        }
        else
        {
            var target = walk.Target - job.Taken;
            flow.AddReport(new LimitReport($"{channel}.conversations", target, outcome.ListEnded ? outcome.Seen : null, walk.Taken - job.Taken, exhausted));
        }

        flow.AddReport(new LimitReport(
            $"{channel}.messagesPerConversation", policy.Messages, null, flow.Progress.Messages, outcome.MessageLimitHit ? StoppedBecause.Limit : StoppedBecause.Exhausted));
        if (job.Channel == ChannelKind.Zalo)
        {
            flow.AddReport(new LimitReport("zalo.unfollowerMessages", policy.MessagesIfUnfollowed, outcome.Unfollowers, outcome.UnfollowerMessages, StoppedBecause.Limit));
        }
    }
}

using Harasocial.ChannelSimulator;
using Microsoft.Playwright;
using static Harasocial.Dashboard.Tests.DashboardPage;
using static Microsoft.Playwright.Assertions;

namespace Harasocial.Dashboard.Tests;

/// <summary>
/// Issue 18, at a laptop's 1400×1000 and a phone's 390×844: message previews and the waiting-for-reply mark, the
/// thread brought into view, jobs grouped by kind with backfills folded and each job's import report, the connection
/// lifecycle (sync failed → Retry, Sync now, Disconnect, Reconnect), and no horizontal overflow anywhere.
/// </summary>
[Collection(DashboardCollection.Name)]
public sealed class SellerDashboardTests(DashboardFixture fixture)
{
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task ConversationList_PreviewAndWaitingMark_ThreadBroughtIntoView_ReplySendsAnIdempotencyKey(int screen)
    {
        var page = await SignInAsync($"ui-preview-{screen}", screen);
        await Expect(page.Locator("#forget-key")).ToBeVisibleAsync();
        await AssertInsideScreenAsync(page, "#forget-key", screen);
        await AssertNoOverflowAsync(page);
        await ConnectAsync(page, "facebook", DashboardScenario.PreviewPage(screen), $"fb-preview-{screen}");
        await WaitForCompletedJobAsync(page);

        var rows = page.Locator("#conversations > li");
        await Expect(rows).ToHaveCountAsync(6);
        for (var i = 0; i < 6; i++)
        {
            await Expect(rows.Nth(i).Locator(".conversation-preview")).Not.ToBeEmptyAsync();
        }

        var waiting = page.Locator("#conversations > li.awaiting");
        Assert.True(await waiting.CountAsync() > 0, "no conversation is marked as waiting for a reply");
        await Expect(waiting.First.Locator(".awaiting-mark")).ToBeVisibleAsync();
        await Expect(page.Locator("#conversations > li:not(.awaiting) .awaiting-mark")).ToHaveCountAsync(0);
        await ScreenshotAsync(page, "09-conversation-previews", screen);

        var id = await waiting.First.GetAttributeAsync("data-conversation");
        await waiting.First.Locator(".conversation-open").ClickAsync();
        await Expect(page.Locator("#messages > li").First).ToBeVisibleAsync();
        await AssertInsideScreenAsync(page, "#thread-heading", screen);
        await AssertNoOverflowAsync(page);

        var keys = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Method == "POST" && request.Url.EndsWith("/messages", StringComparison.Ordinal))
            {
                keys.Add(request.Headers.GetValueOrDefault("idempotency-key") ?? string.Empty);
            }
        };
        const string text = "Dạ shop còn hàng, bạn lấy size nào ạ?";
        await page.FillAsync("#reply-text", text);
        await page.ClickAsync("#reply-form button[type=submit]");
        var row = page.Locator($"#conversations > li[data-conversation='{id}']");
        await Expect(row.Locator(".conversation-preview")).ToHaveTextAsync("You: " + text);
        await Expect(row).ToHaveAttributeAsync("data-awaiting", "false");
        Assert.Matches("^dash-[0-9a-f]{32}$", Assert.Single(keys));
        await ScreenshotAsync(page, "10-thread-after-reply", screen);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Jobs_GroupedByKind_BackfillsFolded_ImportReportShown(int screen)
    {
        var page = await SignInAsync($"ui-jobs-{screen}", screen);
        await ConnectAsync(page, "zalo", DashboardScenario.JobsOa(screen), $"zalo-jobs-{screen}", $"zalo-jobs-rt-{screen}");
        await WaitForCompletedJobAsync(page);

        var report = page.Locator("#jobs > li.job[data-kind='initial'] .job-report");
        await Expect(report).ToHaveAttributeAsync("open", string.Empty);
        await Expect(report.Locator("li[data-rule='zalo.conversations']")).ToHaveTextAsync("Conversations: 100 — the 100 newest (the limit)");
        await Expect(report.Locator("li[data-rule='zalo.messagesPerConversation']")).ToContainTextAsync("Messages: 100");

        // Sync now: a resync. Then three customers beyond the imported 100 write: a backfill each, folded into one line.
        var card = page.Locator($"#connections .card:has-text('{DashboardScenario.JobsOa(screen)}')");
        await card.Locator(".action-sync-now").ClickAsync();
        await Expect(page.Locator("#jobs > li.job[data-kind='resync']")).ToHaveAttributeAsync("data-status", "completed", Timeout(SyncTimeout));
        for (var i = 0; i < 3; i++)
        {
            fixture.CustomerWrites("zalo", DashboardScenario.JobsOa(screen), $"39000000000000{screen}{i:D2}", "Shop ơi cho mình hỏi");
        }

        var backfills = page.Locator("#jobs > li.job-group.backfills");
        await Expect(backfills).ToHaveAttributeAsync("data-count", "3", Timeout(TimeSpan.FromSeconds(60)));
        await Expect(backfills.Locator(":scope > details > summary")).ToContainTextAsync("3 backfills");
        await Expect(backfills.Locator("li.job").First).ToBeHiddenAsync();
        await Expect(page.Locator("#jobs > li.job")).ToHaveCountAsync(2);
        await Expect(page.Locator("#jobs > li.job").Nth(0)).ToHaveAttributeAsync("data-kind", "resync");
        await AssertNoOverflowAsync(page);
        await ScreenshotAsync(page, "11-jobs-grouped", screen);

        await backfills.Locator(":scope > details > summary").ClickAsync();
        await Expect(backfills.Locator("li.job")).ToHaveCountAsync(3);
        await AssertNoOverflowAsync(page);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task Lifecycle_SyncFailedRetry_SyncNow_Disconnect_Reconnect(int screen)
    {
        var account = DashboardScenario.LifecyclePage(screen);
        var page = await SignInAsync($"ui-life-{screen}", screen);
        var card = page.Locator($"#connections .card:has-text('{account}')");

        // Facebook lists no conversation for this page: the initial sync fails after its retries.
        fixture.SetFaults(new FaultSettings { ErrorRate = 1, Endpoints = new HashSet<string> { "graph.conversations" }, Accounts = new HashSet<string> { account } });
        try
        {
            await ConnectAsync(page, "facebook", account, $"fb-life-{screen}");
            await Expect(card).ToHaveAttributeAsync("data-status", "sync_failed", Timeout(SyncTimeout));
        }
        finally
        {
            fixture.SetFaults(new FaultSettings());
        }

        await Expect(card.Locator(".conn-status")).ToHaveTextAsync("Sync failed");
        await Expect(card.Locator(".reason")).ToContainTextAsync("Facebook did not answer");
        await Expect(card.Locator(".action-sync-now")).ToHaveCountAsync(0);
        await AssertNoOverflowAsync(page);
        await ScreenshotAsync(page, "12-sync-failed", screen);

        await card.Locator(".action-retry").ClickAsync();
        await Expect(card).ToHaveAttributeAsync("data-status", "active", Timeout(SyncTimeout));
        await Expect(card.Locator(".conn-status")).ToHaveTextAsync("Active");
        await Expect(card.Locator(".counts")).ToContainTextAsync("3 conversations");

        await card.Locator(".action-sync-now").ClickAsync();
        await Expect(page.Locator("#jobs > li.job[data-kind='resync']")).ToHaveAttributeAsync("data-status", "completed", Timeout(SyncTimeout));

        await card.Locator(".action-disconnect").ClickAsync();
        await Expect(card.Locator(".action-disconnect")).ToHaveTextAsync("Click again to disconnect");
        await card.Locator(".action-disconnect").ClickAsync();
        await Expect(card).ToHaveAttributeAsync("data-status", "disconnected");
        await Expect(card.Locator(".conn-status")).ToHaveTextAsync("Disconnected");
        await ScreenshotAsync(page, "13-disconnected", screen);

        // Reconnect: the form comes filled with the account; the seller pastes the new token. The same card comes back.
        await card.Locator(".action-reconnect").ClickAsync();
        await Expect(page.Locator("#c-external")).ToHaveValueAsync(account);
        await page.FillAsync("#c-token", fixture.ReissueTokens(account).AccessToken);
        await page.ClickAsync("#connect-form button[type=submit]");
        await Expect(page.Locator("#connect-error")).ToBeEmptyAsync();
        await Expect(card).ToHaveAttributeAsync("data-status", "active", Timeout(SyncTimeout));
        await Expect(page.Locator("#connections .card")).ToHaveCountAsync(1);
        await Expect(card.Locator(".counts")).ToContainTextAsync("3 conversations");
        await AssertNoOverflowAsync(page);
        await ScreenshotAsync(page, "14-reconnected", screen);
    }

    /// <summary>The API reference page renders the served OpenAPI document under its nonce CSP, loading nothing from elsewhere.</summary>
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task ApiReference_RendersTheDocument_NoCspViolation_NothingFromElsewhere(int screen)
    {
        var (width, height) = DashboardScenario.Screens[screen];
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        var console = new List<string>();
        var hosts = new HashSet<string>(StringComparer.Ordinal);
        page.Console += (_, message) => console.Add(message.Text);
        page.Request += (_, request) => hosts.Add(new Uri(request.Url).Authority);

        await page.GotoAsync(new Uri(fixture.AppUri, "scalar").ToString());

        await Expect(page.GetByText("Harasocial Sync API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(page.GetByText("Connect a channel account").First).ToBeAttachedAsync();
        await Expect(page.GetByText("Reply").First).ToBeAttachedAsync();
        await ScreenshotAsync(page, "15-api-reference", screen, fullPage: false);
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Contains("Refused to", StringComparison.Ordinal));
        Assert.Equal([fixture.AppUri.Authority], hosts);
    }

    private async Task<IPage> SignInAsync(string tenant, int screen)
    {
        var key = await fixture.CreateTenantAsync(tenant);
        var (width, height) = DashboardScenario.Screens[screen];
        var page = await fixture.OpenDashboardAsync(width, height);
        await page.FillAsync("#api-key", key);
        await page.ClickAsync("#key-form button[type=submit]");
        await Expect(page.Locator("#key-status")).ToHaveTextAsync("Key accepted.");
        await Expect(page.Locator("#app")).ToBeVisibleAsync();
        return page;
    }

    private Task WaitForCompletedJobAsync(IPage page) => DashboardPage.WaitForCompletedJobAsync(page, fixture);

    /// <summary>Nothing is wider than the screen: the page never scrolls sideways.</summary>
    private static async Task AssertNoOverflowAsync(IPage page)
    {
        var (scroll, inner) = (await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth"), await page.EvaluateAsync<int>("() => window.innerWidth"));
        Assert.True(scroll <= inner, $"the page is {scroll} px wide on a {inner} px screen");
    }

    /// <summary>The element is entirely on the screen (not cut off, not scrolled away).</summary>
    private static async Task AssertInsideScreenAsync(IPage page, string selector, int screen)
    {
        var (width, height) = DashboardScenario.Screens[screen];
        var box = await page.Locator(selector).BoundingBoxAsync() ?? throw new InvalidOperationException($"{selector} is not rendered");
        Assert.True(box.X >= 0 && box.X + box.Width <= width + 0.5 && box.Y >= 0 && box.Y + box.Height <= height + 0.5,
            $"{selector} is at x {box.X}–{box.X + box.Width}, y {box.Y}–{box.Y + box.Height} on a {width}×{height} screen");
    }

    private static Task ScreenshotAsync(IPage page, string name, int screen, bool fullPage = true)
    {
        var (width, height) = DashboardScenario.Screens[screen];
        return DashboardPage.ScreenshotAsync(page, $"{name}-{width}x{height}", fullPage);
    }
}

using Microsoft.Playwright;
using static Harasocial.Dashboard.Tests.DashboardPage;
using static Microsoft.Playwright.Assertions;

namespace Harasocial.Dashboard.Tests;

/// <summary>The seller's path through the dashboard in a real browser: key, connect, watch the sync, read, reply.</summary>
[Collection(DashboardCollection.Name)]
public sealed class DashboardTests(DashboardFixture fixture)
{
    [Fact]
    public async Task Key_NotValid_SaysSoAndHidesTheApp()
    {
        var page = await fixture.OpenDashboardAsync();
        await page.FillAsync("#api-key", "not-a-real-key");
        await page.ClickAsync("#key-form button[type=submit]");

        await Expect(page.Locator("#key-status")).ToContainTextAsync("not valid");
        await Expect(page.Locator("#app")).ToBeHiddenAsync();
        await ScreenshotAsync(page, "01-key-not-valid");
    }

    [Fact]
    public async Task Connect_Facebook_JobCompletesAndConversationOpens()
    {
        var page = await SignInAsync("ui-sync");
        await ConnectFacebookAsync(page, DashboardScenario.SyncPage, "fb-sync");
        await ScreenshotAsync(page, "02-sync-running");
        await WaitForCompletedJobAsync(page);

        var card = page.Locator($"#connections .card:has-text('{DashboardScenario.SyncPage}')");
        await Expect(card.Locator(".conn-status")).ToHaveAttributeAsync("data-status", "active");
        await Expect(card.Locator(".counts")).ToContainTextAsync("40 conversations");

        // 20 newest first, then "Load more" follows nextCursor to the other 20.
        await Expect(page.Locator("#conversations > li")).ToHaveCountAsync(20);
        await page.ClickAsync("#conversations-more");
        await Expect(page.Locator("#conversations > li")).ToHaveCountAsync(40);
        await Expect(page.Locator("#conversations-more")).ToBeHiddenAsync();

        await page.Locator("#conversations .conversation-open").First.ClickAsync();
        await Expect(page.Locator("#messages > li").First).ToBeVisibleAsync();
        await Expect(page.Locator("#reply-form")).ToBeVisibleAsync();
        await ScreenshotAsync(page, "03-conversation-open");

        // The syncSpam toggle is saved on the connection: it is still on after a reload. The box stays disabled until
        // the save answers; reloading before that (a loaded machine) would drop the save.
        await page.CheckAsync("#sync-spam");
        await Expect(page.Locator("#sync-spam")).ToBeEnabledAsync();
        await Expect(page.Locator("#settings-error")).ToBeEmptyAsync();
        await page.ReloadAsync();
        await Expect(page.Locator("#app")).ToBeVisibleAsync();
        await page.Locator($"#connections .card:has-text('{DashboardScenario.SyncPage}') .card-select").ClickAsync();
        await Expect(page.Locator("#sync-spam")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task Reply_FromTheThread_ShowsAsSellerMessageAndReachesTheChannel()
    {
        const string text = "Dạ, shop còn hàng ạ. Cảm ơn bạn đã nhắn tin!";
        var page = await SignInAsync("ui-reply");
        await ConnectFacebookAsync(page, DashboardScenario.ReplyPage, "fb-reply");
        await WaitForCompletedJobAsync(page);

        await page.Locator("#conversations .conversation-open").First.ClickAsync();
        await Expect(page.Locator("#reply-form")).ToBeVisibleAsync();
        await SendReplyAsync(page, text, "04-reply");

        Assert.Contains(text, await fixture.SentAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SpamConversation_ShowsNoticeAndMovesToInboxAfterReply()
    {
        var page = await SignInAsync("ui-spam");
        await ConnectFacebookAsync(page, DashboardScenario.SpamPage, "fb-spam", syncSpam: true);
        await WaitForCompletedJobAsync(page);

        // Spam checks run on their own schedule once syncSpam is on: refresh the Spam folder until they land.
        await page.SelectOptionAsync("#folder", "spam");
        var spam = page.Locator("#conversations > li.spam");
        var deadline = DateTime.UtcNow + SyncTimeout;
        while (await spam.CountAsync() == 0)
        {
            if (DateTime.UtcNow > deadline)
            {
                await ScreenshotAsync(page, "05-spam-missing");
                Assert.Fail($"No spam conversation appeared in the Spam folder within {SyncTimeout.TotalSeconds} s. " +
                            $"Jobs: {await page.Locator("#jobs").InnerTextAsync()}");
            }

            await page.ClickAsync("#refresh-conversations");
            await page.WaitForTimeoutAsync(1000);
        }

        await Expect(spam.First.Locator(".notice")).ToContainTextAsync("Spam");
        await ScreenshotAsync(page, "05-spam-notice");

        var conversationId = await spam.First.GetAttributeAsync("data-conversation");
        await spam.First.Locator(".conversation-open").ClickAsync();
        await Expect(page.Locator("#thread-notice")).ToBeVisibleAsync();
        await SendReplyAsync(page, "Chào bạn, shop đã nhận được tin nhắn.", "06-spam-reply");

        await Expect(page.Locator("#thread-meta")).ToContainTextAsync("folder: inbox");
        await Expect(page.Locator("#thread-notice")).ToBeHiddenAsync();
        await page.SelectOptionAsync("#folder", "inbox");
        await Expect(page.Locator($"#conversations > li[data-conversation='{conversationId}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"#conversations > li[data-conversation='{conversationId}'] .notice")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task RevokedToken_ConnectionShowsReconnectNeededWithReason()
    {
        var (page, key) = await SignInWithKeyAsync("ui-reauth");
        await ConnectFacebookAsync(page, DashboardScenario.ReauthPage, "fb-reauth");
        await WaitForCompletedJobAsync(page);

        // The seller revokes the app on Facebook; the next resync meets Graph error 190.
        await fixture.SimulatorPostAsync($"_sim/facebook/{DashboardScenario.ReauthPage}/token/revoke");
        var card = page.Locator($"#connections .card:has-text('{DashboardScenario.ReauthPage}')");
        var connectionId = await card.GetAttributeAsync("data-connection");
        using (var client = fixture.AppClient(key))
        {
            using var response = await client.PostAsync(
                new Uri($"api/connections/{connectionId}/sync", UriKind.Relative),
                new StringContent("{\"kind\":\"resync\"}", System.Text.Encoding.UTF8, "application/json"));
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        }

        await Expect(card.Locator(".conn-status")).ToHaveAttributeAsync("data-status", "reauth_required", new() { Timeout = 30_000 });
        await Expect(card).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("reauth"));
        await Expect(card.Locator(".reason.strong")).Not.ToBeEmptyAsync();
        await ScreenshotAsync(page, "07-reauth-required");
    }

    [Fact]
    public async Task Zalo_LoadMore_StartsALoadMoreJobThatImportsOlderConversations()
    {
        var page = await SignInAsync("ui-zalo");
        await page.ClickAsync("#connect-details summary");
        await page.SelectOptionAsync("#c-channel", "zalo");
        await Expect(page.Locator("#c-refresh")).ToBeVisibleAsync();
        await Expect(page.Locator("#c-spam")).ToBeHiddenAsync();
        await page.FillAsync("#c-external", DashboardScenario.ZaloOa);
        await page.FillAsync("#c-token", "zalo-at");
        await page.FillAsync("#c-refresh", "zalo-rt");
        await page.ClickAsync("#connect-form button[type=submit]");
        await Expect(page.Locator("#connect-error")).ToBeEmptyAsync();
        await WaitForCompletedJobAsync(page);
        await Expect(page.Locator("#spam-setting")).ToBeHiddenAsync();

        await page.ClickAsync("#zalo-load-more");
        await Expect(page.Locator("#conversations-error")).ToBeEmptyAsync();
        var loadMore = page.Locator("#jobs > li.job").First;
        await Expect(loadMore.Locator(".job-kind")).ToHaveTextAsync("load-more");
        await Expect(loadMore).ToHaveAttributeAsync("data-status", "completed", new() { Timeout = (float)SyncTimeout.TotalMilliseconds });
        var card = page.Locator($"#connections .card:has-text('{DashboardScenario.ZaloOa}')");
        await Expect(card.Locator(".counts")).ToContainTextAsync("130 conversations", new() { Timeout = 15_000 });
        await ScreenshotAsync(page, "08-zalo-load-more");
    }

    [Fact]
    public async Task UnderCsp_NoViolations_WrongTokenRefused_CardNamedByTheChannel()
    {
        var context = await fixture.Browser.NewContextAsync(new() { ViewportSize = new() { Width = 1440, Height = 900 } });
        var page = await context.NewPageAsync();
        var console = new List<string>();
        page.Console += (_, message) => console.Add(message.Text);
        var key = await fixture.CreateTenantAsync("ui-csp");
        var response = await page.GotoAsync(fixture.AppUri.ToString());
        Assert.Contains("frame-ancestors 'none'", (await response!.AllHeadersAsync())["content-security-policy"], StringComparison.Ordinal);
        await page.FillAsync("#api-key", key);
        await page.ClickAsync("#key-form button[type=submit]");
        await Expect(page.Locator("#app")).ToBeVisibleAsync();

        // Another page's token: ownership is not proven and the form says why.
        await page.ClickAsync("#connect-details summary");
        await page.FillAsync("#c-external", DashboardScenario.CspPage);
        await page.FillAsync("#c-token", "fb-reply");
        await page.ClickAsync("#connect-form button[type=submit]");
        await Expect(page.Locator("#connect-error")).ToContainTextAsync("not Page");

        await page.FillAsync("#c-token", "fb-csp");
        await page.ClickAsync("#connect-form button[type=submit]");
        await Expect(page.Locator("#connect-error")).ToBeEmptyAsync();
        await WaitForCompletedJobAsync(page);
        await Expect(page.Locator("#connections .card .card-name")).ToHaveTextAsync("Shop Chính Sách");
        await ScreenshotAsync(page, "08-connected-under-csp");
        Assert.DoesNotContain(console, m => m.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || m.Contains("Refused to", StringComparison.Ordinal));
    }

    private async Task<IPage> SignInAsync(string tenant) => (await SignInWithKeyAsync(tenant)).Page;

    private async Task<(IPage Page, string Key)> SignInWithKeyAsync(string tenant)
    {
        var key = await fixture.CreateTenantAsync(tenant);
        var page = await fixture.OpenDashboardAsync();
        await page.FillAsync("#api-key", key);
        await page.ClickAsync("#key-form button[type=submit]");
        await Expect(page.Locator("#key-status")).ToHaveTextAsync("Key accepted.");
        await Expect(page.Locator("#app")).ToBeVisibleAsync();
        return (page, key);
    }

    private static Task ConnectFacebookAsync(IPage page, string pageId, string token, bool syncSpam = false) =>
        ConnectAsync(page, "facebook", pageId, token, syncSpam: syncSpam);

    private Task WaitForCompletedJobAsync(IPage page) => DashboardPage.WaitForCompletedJobAsync(page, fixture);

    /// <summary>Types and sends a reply; fails with the problem the page shows next to the box when the API refuses.</summary>
    private static async Task SendReplyAsync(IPage page, string text, string screenshot)
    {
        await page.FillAsync("#reply-text", text);
        await page.ClickAsync("#reply-form button[type=submit]");
        var sent = page.Locator("#messages > li.out .bubble", new() { HasTextString = text });
        var error = page.Locator("#reply-error");
        await Expect(sent.Or(error.Locator("strong"))).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await ScreenshotAsync(page, screenshot);
        var problem = await error.InnerTextAsync();
        Assert.True(problem.Length == 0, "The reply was refused; the page shows: " + problem);
        await Expect(page.Locator("#messages > li").Last).ToContainTextAsync(text);
    }
}

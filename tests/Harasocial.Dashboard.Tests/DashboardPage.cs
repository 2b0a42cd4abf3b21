using Harasocial.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Harasocial.Dashboard.Tests;

/// <summary>What the dashboard tests do on the page again and again: connect an account, wait for its sync, screenshots.</summary>
internal static class DashboardPage
{
    /// <summary>How long a sync may take to show as completed in the UI.</summary>
    public static readonly TimeSpan SyncTimeout = TimeSpan.FromSeconds(90);

    public static LocatorAssertionsToHaveAttributeOptions Timeout(TimeSpan timeout) => new() { Timeout = (float)timeout.TotalMilliseconds };

    /// <summary>Fills and submits the connect form; the form shows no error and the new job appears.</summary>
    public static async Task ConnectAsync(IPage page, string channel, string account, string token, string? refresh = null, bool syncSpam = false)
    {
        await page.ClickAsync("#connect-details summary");
        await page.SelectOptionAsync("#c-channel", channel);
        await page.FillAsync("#c-external", account);
        await page.FillAsync("#c-token", token);
        if (refresh is not null)
        {
            await page.FillAsync("#c-refresh", refresh);
        }

        if (syncSpam)
        {
            await page.CheckAsync("#c-spam");
        }

        await page.ClickAsync("#connect-form button[type=submit]");
        await Expect(page.Locator("#connect-error")).ToBeEmptyAsync();
        await Expect(page.Locator("#jobs > li.job").First).ToBeVisibleAsync();
    }

    /// <summary>The newest job reaches completed (full bar) and conversations are listed; on a timeout the failure shows the app's output.</summary>
    public static async Task WaitForCompletedJobAsync(IPage page, DashboardFixture fixture)
    {
        var job = page.Locator("#jobs > li.job").First;
        try
        {
            await Expect(job).ToHaveAttributeAsync("data-status", "completed", Timeout(SyncTimeout));
        }
        catch (PlaywrightException)
        {
            await ScreenshotAsync(page, "job-not-completed");
            Assert.Fail($"The sync job did not reach completed in the UI: {await job.InnerTextAsync()}\n{fixture.AppOutput[^Math.Min(4000, fixture.AppOutput.Length)..]}");
        }

        await Expect(job.Locator("progress")).ToHaveAttributeAsync("value", "100");
        await Expect(page.Locator("#conversations > li").First).ToBeVisibleAsync();
    }

    /// <summary>A screenshot in <c>artifacts/screenshots/</c> (the whole page unless told otherwise).</summary>
    public static async Task ScreenshotAsync(IPage page, string name, bool fullPage = true)
    {
        var directory = Path.Combine(RepoPaths.Root, "artifacts", "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new() { Path = Path.Combine(directory, name + ".png"), FullPage = fullPage });
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Harasocial.ChannelSimulator;
using Harasocial.Testing;
using Microsoft.Playwright;

namespace Harasocial.Dashboard.Tests;

/// <summary>
/// One Azurite, one channel simulator (in-process), the real app as a process (a browser needs a socket) and one
/// headless Chromium, shared by the dashboard tests. Each test makes its own tenant and connects its own account.
/// </summary>
public sealed class DashboardFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private const string AdminKey = "dashboard-admin-key-0123456789abcdef";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

    private AzuriteFixture? azurite;
    private SimulatorServer? simulator;
    private AppProcess? app;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public Uri AppUri => app!.BaseUri;

    public Uri SimulatorUri => simulator!.BaseUri;

    public async Task InitializeAsync()
    {
        // Playwright cannot download browsers here; Debian's chromium is the browser. Missing means failing, never skipping.
        if (!File.Exists(ChromiumPath))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {ChromiumPath}. ./test.sh installs it (apt-get install -y chromium); the dashboard tests need it.");
        }

        azurite = new AzuriteFixture();
        simulator = await SimulatorServer.StartAsync(DashboardScenario.Create());
        app = await AppProcess.StartAsync(AppEnvironment(azurite, simulator));
        using (var http = new HttpClient { BaseAddress = simulator.BaseUri })
        {
            using var target = await http.PutAsJsonAsync("_sim/webhook-target", new { baseUrl = app.BaseUri.ToString() });
            target.EnsureSuccessStatusCode();
        }

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true, Args = ChromiumArgs });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (app is not null)
        {
            await app.DisposeAsync();
        }

        if (simulator is not null)
        {
            await simulator.DisposeAsync();
        }

        azurite?.Dispose();
    }

    /// <summary>A new tenant; returns its API key.</summary>
    public async Task<string> CreateTenantAsync(string id)
    {
        using var admin = app!.CreateClient(AdminKey);
        using var response = await admin.PostAsJsonAsync("api/tenants", new { id, name = id });
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.Created, body);
        return JsonNode.Parse(body)!["apiKey"]!.GetValue<string>();
    }

    /// <summary>What the simulator's send endpoints accepted (the replies that reached the "channel").</summary>
    public async Task<string> SentAsync()
    {
        using var http = new HttpClient { BaseAddress = simulator!.BaseUri };
        return await http.GetStringAsync(new Uri("_sim/sent", UriKind.Relative));
    }

    /// <summary>A call to the simulator's control API (revoke a token, expire it, move a thread).</summary>
    public async Task SimulatorPostAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = simulator!.BaseUri };
        using var response = await http.PostAsync(new Uri(path, UriKind.Relative), null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A client of the app with a tenant's key, for what the dashboard has no button for.</summary>
    public HttpClient AppClient(string apiKey) => app!.CreateClient(apiKey);

    /// <summary>A fresh browser context on a laptop-sized screen (or the given one), on the dashboard.</summary>
    public async Task<IPage> OpenDashboardAsync(int width = 1440, int height = 900)
    {
        var context = await Browser.NewContextAsync(new() { ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(AppUri.ToString());
        return page;
    }

    /// <summary>Simulator faults (the in-process simulator's state), e.g. one account's conversation listing failing.</summary>
    public void SetFaults(FaultSettings faults) => simulator!.State.Faults = faults;

    /// <summary>A customer writes to an account (webhook to the app), e.g. a new Zalo customer whose history gets a backfill.</summary>
    public void CustomerWrites(string channel, string accountId, string customerId, string text) =>
        simulator!.State.AddInboundMessage(channel, accountId, customerId, text);

    /// <summary>The seller authorises the app again: new tokens for reconnecting.</summary>
    public TokenPair ReissueTokens(string accountId) => simulator!.State.ReissueTokens(accountId);

    public string AppOutput => app?.Output ?? string.Empty;

    private static Dictionary<string, string?> AppEnvironment(AzuriteFixture azurite, SimulatorServer simulator) => new()
    {
        ["AzureWebJobsStorage"] = azurite.ConnectionString,
        ["Storage__NamePrefix"] = azurite.UniqueName("ui"),
        ["Auth__AdminKey"] = AdminKey,
        ["Security__TokenEncryptionKey"] = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        ["Hosting__RetryDelay"] = "00:00:00",
        ["Hosting__MaxPollingInterval"] = "00:00:00.200",
        // The build output has no wwwroot (only publish copies it): serve the dashboard from the source folder.
        ["ASPNETCORE_WEBROOT"] = Path.Combine(RepoPaths.Root, "src", "Harasocial.Functions", "wwwroot"),
        ["Channels__Facebook__GraphApiBaseUrl"] = simulator.GraphBaseUri.ToString(),
        ["Channels__Facebook__AppId"] = DashboardScenario.MetaAppId,
        ["Channels__Facebook__AppSecret"] = DashboardScenario.MetaAppSecret,
        ["Channels__Facebook__VerifyToken"] = "dashboard-verify",
        ["Channels__Zalo__OpenApiBaseUrl"] = simulator.ZaloOpenApiBaseUri.ToString(),
        ["Channels__Zalo__OAuthBaseUrl"] = simulator.ZaloOAuthBaseUri.ToString(),
        ["Channels__Zalo__AppId"] = DashboardScenario.ZaloAppId,
        ["Channels__Zalo__AppSecret"] = DashboardScenario.ZaloAppSecret,
        ["Channels__Zalo__OaSecretKey"] = DashboardScenario.ZaloOaSecretKey,
        ["Channels__Shopee__ApiBaseUrl"] = simulator.ShopeeBaseUri.ToString(),
        ["Channels__Shopee__PartnerId"] = DashboardScenario.ShopeePartnerId,
        ["Channels__Shopee__PartnerKey"] = DashboardScenario.ShopeePartnerKey,
        ["Channels__Shopee__PushCallbackUrl"] = "http://localhost/api/webhooks/shopee",
    };
}

using Azure;
using Azure.Data.Tables;
using Harasocial.Sync.Functions;
using Harasocial.Sync.Storage;

namespace Harasocial.Sync.Api;

internal sealed record HealthReport(string Status, string Mode);

internal static partial class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services) => services.AddFunctions(Functions);

    public static IEnumerable<FunctionDefinition> Functions =>
    [
        new HttpFunction("Health", "api/health", ["GET"], CheckAsync, HttpAccess.Public),
        // The page at "/" only (a route that matches the empty path alone) and its files under /dashboard/: no route that
        // could shadow another function's, so the Functions host can tell every function apart.
        new HttpFunction("Dashboard", DashboardRoute, ["GET"], Dashboard, HttpAccess.Public),
        new HttpFunction("DashboardAsset", "dashboard/{*asset}", ["GET"], DashboardAsset, HttpAccess.Public),
    ];

    /// <summary>200 when storage answers (a point read of a row that need not exist), 503 otherwise.
    /// The answer is a stable reason; what went wrong goes to the log (the route needs no key: it must not leak hosts,
    /// ports or exception text).</summary>
    private static async Task<IResult> CheckAsync(TableServiceClient tables, StorageNames names, StorageProvisioner provisioner, IServiceProvider services, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var mode = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<Hosting.HostingOptions>>().Value.BehindFunctionsHost ? "functions" : "standalone";
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(5));
            await provisioner.EnsureAsync(CancellationToken.None).WaitAsync(timeout.Token);
            await tables.GetTableClient(names.Table(StorageNames.TenantsTable))
                .GetEntityIfExistsAsync<TableEntity>("health", "probe", cancellationToken: timeout.Token);
            return Results.Json(new HealthReport("ok", mode), ApiJsonContext.Default.HealthReport);
        }
        catch (Exception ex) when (ex is RequestFailedException or HttpRequestException or OperationCanceledException or TimeoutException)
        {
            LogUnhealthy(loggers.CreateLogger(typeof(HealthEndpoints).FullName!), ex);
            return Problems.Status(StatusCodes.Status503ServiceUnavailable, "Storage unreachable", "Storage unreachable: table storage did not answer within 5 seconds.");
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Health check: storage did not answer")]
    private static partial void LogUnhealthy(ILogger logger, Exception exception);

    private static string ContentType(string name) => Path.GetExtension(name).ToLowerInvariant() switch
    {
        ".js" => "text/javascript; charset=utf-8",
        ".css" => "text/css; charset=utf-8",
        ".svg" => "image/svg+xml",
        ".png" => "image/png",
        ".ico" => "image/x-icon",
        ".json" => "application/json",
        _ => "text/html; charset=utf-8",
    };

    /// <summary>The route of <c>GET /</c>: an optional parameter that matches only the empty path (a Functions route cannot be empty).</summary>
    public const string DashboardRoute = "{ignored:maxlength(0)?}";

    /// <summary>The dashboard page (also the host's readiness probe).</summary>
    private static IResult Dashboard(IWebHostEnvironment environment)
    {
        var index = environment.WebRootFileProvider.GetFileInfo("index.html");
        return index is { Exists: true, PhysicalPath: not null }
            ? Results.File(index.PhysicalPath, "text/html; charset=utf-8")
            : Results.Content("<!doctype html><title>Harasocial Sync</title><p>Harasocial Sync is running.</p>", "text/html; charset=utf-8");
    }

    /// <summary>The dashboard's script, style and images (<c>/dashboard/dashboard.js</c> …); anything else is a 404 problem.</summary>
    private static IResult DashboardAsset(string asset, IWebHostEnvironment environment)
    {
        var file = environment.WebRootFileProvider.GetFileInfo(asset);
        return file is { Exists: true, IsDirectory: false, PhysicalPath: not null } && asset.Length > 0 && !asset.Contains("..", StringComparison.Ordinal)
            ? Results.File(file.PhysicalPath, ContentType(file.Name))
            : Problems.Status(StatusCodes.Status404NotFound, "Not found", $"There is no dashboard file {asset}.");
    }
}

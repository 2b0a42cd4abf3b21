using Azure;
using Azure.Data.Tables;
using Harasocial.Functions.Functions;
using Harasocial.Functions.Storage;

namespace Harasocial.Functions.Api;

internal sealed record HealthReport(string Status, string Mode);

internal static partial class HealthEndpoints
{
    public static IServiceCollection AddHealth(this IServiceCollection services) => services.AddFunctions(Functions);

    public static IEnumerable<FunctionDefinition> Functions =>
    [
        new HttpFunction("Health", "api/health", ["GET"], CheckAsync, HttpAccess.Public),
        new HttpFunction("Dashboard", "{*path}", ["GET"], Dashboard, HttpAccess.Public),
    ];

    /// <summary>200 when storage answers (a point read of a row that need not exist), 503 otherwise.
    /// The answer is a stable reason; what went wrong goes to the log (the route needs no key: it must not leak hosts,
    /// ports or exception text).</summary>
    private static async Task<IResult> CheckAsync(TableServiceClient tables, StorageNames names, StorageProvisioner provisioner, IServiceProvider services, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var mode = Hosting.HostingExtensions.IsCustomHandler(services) ? "custom-handler" : "standalone";
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

    /// <summary>The host's readiness probe and the dashboard entry. Unknown <c>/api</c> paths stay 404 problems.</summary>
    private static IResult Dashboard(HttpContext http, IWebHostEnvironment environment)
    {
        var path = http.Request.Path;
        if (path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
        {
            return Problems.Status(StatusCodes.Status404NotFound, "Not found", $"There is no route {path}.");
        }

        // The Functions host forwards every GET outside /api here (catch-all route), static assets included.
        var asset = environment.WebRootFileProvider.GetFileInfo(path.Value?.TrimStart('/') ?? string.Empty);
        if (asset is { Exists: true, IsDirectory: false, PhysicalPath: not null } && !string.IsNullOrEmpty(path.Value?.TrimStart('/')))
        {
            return Results.File(asset.PhysicalPath, ContentType(asset.Name));
        }

        var index = environment.WebRootFileProvider.GetFileInfo("index.html");
        return index.Exists
            ? Results.File(index.PhysicalPath!, "text/html; charset=utf-8")
            : Results.Content("<!doctype html><title>Harasocial Sync</title><p>Harasocial Sync is running.</p>", "text/html; charset=utf-8");
    }
}

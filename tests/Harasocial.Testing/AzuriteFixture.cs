using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Harasocial.Testing;

/// <summary>
/// Starts the npm <c>azurite</c> package in memory on free ports for one test collection and stops it afterwards.
/// Tests never mock storage. When Azurite is missing the fixture throws, so the tests fail rather than skip
/// (./test.sh installs it with npm).
/// </summary>
public sealed class AzuriteFixture : IAsyncDisposable, IDisposable
{
    // The well-known development account; Azurite accepts only this key by default.
    public const string AccountName = "devstoreaccount1";
    public const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private readonly Process process;
    private readonly StringBuilder output = new();
    private readonly AzuriteTls? tls;

    public AzuriteFixture()
        : this(null)
    {
    }

    private AzuriteFixture(AzuriteTls? tls)
    {
        this.tls = tls;
        var exe = RepoPaths.NodeBin("azurite");
        if (!File.Exists(exe))
        {
            throw new InvalidOperationException($"Azurite is not installed at {exe}. Run ./test.sh (or npm ci) first.");
        }

        var ports = FreePort.Next(3);
        (TablePort, QueuePort, BlobPort) = (ports[0], ports[1], ports[2]);
        RunPrefix = "t" + Guid.NewGuid().ToString("N")[..8];

        var start = new ProcessStartInfo(exe)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[]
                 {
                     "--inMemoryPersistence", "--silent", "--skipApiVersionCheck", "--disableTelemetry", "--loose",
                     "--blobPort", BlobPort.ToString(CultureInfo.InvariantCulture),
                     "--queuePort", QueuePort.ToString(CultureInfo.InvariantCulture),
                     "--tablePort", TablePort.ToString(CultureInfo.InvariantCulture),
                 })
        {
            start.ArgumentList.Add(arg);
        }

        if (tls is not null)
        {
            // Bearer tokens are checked for issuer, audience and lifetime, not signature (Azurite's "basic" OAuth level).
            foreach (var arg in new[] { "--oauth", "basic", "--cert", tls.CertPath, "--key", tls.KeyPath })
            {
                start.ArgumentList.Add(arg);
            }
        }

        process = Process.Start(start) ?? throw new InvalidOperationException("Could not start Azurite.");
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            foreach (var port in new[] { TablePort, QueuePort })
            {
                FreePort.WaitUntilListeningAsync(port, TimeSpan.FromSeconds(30), () => process.HasExited)
                    .GetAwaiter().GetResult();
            }
        }
        catch (Exception ex)
        {
            Dispose();
            throw new InvalidOperationException($"Azurite did not start: {ex.Message}\n{Output}", ex);
        }
    }

    /// <summary>
    /// Azurite over HTTPS that also accepts bearer tokens (<c>--oauth basic</c>), for the identity-based storage path.
    /// Started per test; clients must trust <see cref="Tls"/>.
    /// </summary>
    public static AzuriteFixture StartWithOAuth() => new(AzuriteTls.Create());

    /// <summary>The certificate of an HTTPS Azurite (<see cref="StartWithOAuth"/>); null over plain HTTP.</summary>
    public AzuriteTls? Tls => tls;

    public int TablePort { get; }

    public int QueuePort { get; }

    public int BlobPort { get; }

    /// <summary>A prefix unique to this run for table and queue names (lowercase letters and digits).</summary>
    public string RunPrefix { get; }

    public Uri TableEndpoint => new($"{Scheme}://127.0.0.1:{TablePort}/{AccountName}");

    public Uri QueueEndpoint => new($"{Scheme}://127.0.0.1:{QueuePort}/{AccountName}");

    public string ConnectionString =>
        $"DefaultEndpointsProtocol={Scheme};AccountName={AccountName};AccountKey={AccountKey};" +
        $"BlobEndpoint={Scheme}://127.0.0.1:{BlobPort}/{AccountName};" +
        $"QueueEndpoint={QueueEndpoint};TableEndpoint={TableEndpoint};";

    private string Scheme => tls is null ? "http" : "https";

    public string Output
    {
        get
        {
            lock (output)
            {
                return output.ToString();
            }
        }
    }

    /// <summary>A fresh name for a table or queue, unique per call and per run.</summary>
    public string UniqueName(string hint = "x") =>
        (RunPrefix + new string(hint.Where(char.IsAsciiLetterOrDigit).ToArray()) + Guid.NewGuid().ToString("N")[..6])
            .ToLowerInvariant();

    public void Dispose()
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                process.WaitForExit(10_000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
        tls?.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }
}

using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Harasocial.Testing;

/// <summary>
/// A throw-away self-signed certificate for 127.0.0.1, written as PEM files for Azurite's <c>--cert</c>/<c>--key</c>:
/// Azurite accepts bearer tokens over HTTPS only.
/// </summary>
public sealed class AzuriteTls : IDisposable
{
    private readonly DirectoryInfo folder;

    private AzuriteTls(DirectoryInfo folder, X509Certificate2 certificate)
    {
        this.folder = folder;
        Certificate = certificate;
    }

    public X509Certificate2 Certificate { get; }

    public string CertPath => Path.Combine(folder.FullName, "cert.pem");

    public string KeyPath => Path.Combine(folder.FullName, "key.pem");

    public static AzuriteTls Create()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));

        var folder = Directory.CreateTempSubdirectory("azurite-tls-");
        var tls = new AzuriteTls(folder, certificate);
        File.WriteAllText(tls.CertPath, certificate.ExportCertificatePem());
        File.WriteAllText(tls.KeyPath, key.ExportPkcs8PrivateKeyPem());
        return tls;
    }

    /// <summary>A handler that trusts exactly this certificate (and nothing else it does not already trust).</summary>
    public HttpClientHandler TrustingHandler() => new()
    {
        ServerCertificateCustomValidationCallback = (_, presented, _, errors) =>
            errors == System.Net.Security.SslPolicyErrors.None ||
            (presented is not null && presented.RawDataMemory.Span.SequenceEqual(Certificate.RawDataMemory.Span)),
    };

    public void Dispose()
    {
        Certificate.Dispose();
        try
        {
            folder.Delete(recursive: true);
        }
        catch (IOException)
        {
            // A temp folder left behind is harmless.
        }
    }
}

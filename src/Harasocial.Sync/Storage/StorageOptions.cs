using System.ComponentModel.DataAnnotations;

namespace Harasocial.Sync.Storage;

/// <summary>Our own storage settings (the connection itself is <c>AzureWebJobsStorage</c>, shared with the Functions host).</summary>
internal sealed class StorageOptions
{
    public const string Section = "Storage";

    /// <summary>Lowercase letters and digits prepended to every table and queue name.</summary>
    [RegularExpression("^[a-z0-9]{0,20}$", ErrorMessage = "Storage:NamePrefix must be up to 20 lowercase letters or digits.")]
    public string NamePrefix { get; set; } = string.Empty;
}

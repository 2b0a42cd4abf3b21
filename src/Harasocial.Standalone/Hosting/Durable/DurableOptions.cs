using System.ComponentModel.DataAnnotations;

namespace Harasocial.Standalone.Hosting.Durable;

/// <summary>
/// The standalone host's Durable Task settings (section <c>Durable</c>). Under Functions the same hub name comes from
/// host.json (<c>extensions.durableTask.hubName: %Durable__HubName%</c>), so both hosts share one task hub.
/// </summary>
internal sealed class DurableOptions
{
    public const string Section = "Durable";

    /// <summary>Task hub name: letters and digits, 3–45 characters (Azure Storage backend rule).</summary>
    [RegularExpression("^[A-Za-z][A-Za-z0-9]{2,44}$")]
    public string HubName { get; set; } = "HarasocialHub";

    /// <summary>Control-queue partitions (1–16). One partition served a single Azurite node best (ARCHITECTURE sizing).</summary>
    [Range(1, 16)]
    public int PartitionCount { get; set; } = 1;

    /// <summary>How long a killed instance's partition lease blocks another instance from its orchestrations.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:05:00")]
    public TimeSpan LeaseInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Longest wait between polls of an idle control or work-item queue.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan MaxQueuePollingInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A work item held by a killed instance becomes visible to others after this.</summary>
    [Range(typeof(TimeSpan), "00:00:05", "00:30:00")]
    public TimeSpan WorkItemVisibilityTimeout { get; set; } = TimeSpan.FromMinutes(1);

    [Range(1, 256)]
    public int MaxConcurrentActivities { get; set; } = 16;

    [Range(1, 256)]
    public int MaxConcurrentOrchestrations { get; set; } = 16;

    /// <summary>The hub name in use: with <c>Storage:NamePrefix</c> set (tests sharing one Azurite) it is prefixed too.</summary>
    public string EffectiveHubName(string storagePrefix)
    {
        var name = new string((storagePrefix + HubName).Where(char.IsAsciiLetterOrDigit).ToArray());
        name = char.IsAsciiLetter(name[0]) ? name : "h" + name;
        return name.Length <= 45 ? name : name[..45];
    }
}

using Harasocial.Standalone.Hosting;
using Microsoft.Extensions.Configuration;

namespace Harasocial.Functions.Tests.Hosting;

public sealed class LocalSettingsTests
{
    [Fact]
    public void AddLocalSettings_ValuesSection_DoubleUnderscoreBecomesSection()
    {
        var folder = Directory.CreateTempSubdirectory("localsettings-").FullName;
        File.WriteAllText(Path.Combine(folder, LocalSettings.FileName), """
            {
              // func accepts comments
              "IsEncrypted": false,
              "Values": { "Auth__AdminKey": "k", "Sync__SpamDelay": "00:00:05", "Flag": true },
              "Host": { "LocalHttpPort": 7071 },
            }
            """);

        var configuration = new ConfigurationBuilder().AddLocalSettings(folder).Build();

        Assert.Equal("k", configuration["Auth:AdminKey"]);
        Assert.Equal("00:00:05", configuration["Sync:SpamDelay"]);
        Assert.Equal("true", configuration["Flag"]);
        Assert.Null(configuration["Host:LocalHttpPort"]);
    }

    [Fact]
    public void AddLocalSettings_NoFile_AddsNothing()
    {
        var configuration = new ConfigurationBuilder().AddLocalSettings(Directory.CreateTempSubdirectory().FullName).Build();

        Assert.Empty(configuration.AsEnumerable());
    }
}

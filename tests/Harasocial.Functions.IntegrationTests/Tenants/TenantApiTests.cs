using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Azure.Data.Tables;
using Harasocial.Testing;

namespace Harasocial.Functions.IntegrationTests.Tenants;

[Collection(AzuriteCollection.Name)]
public sealed class TenantApiTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private AppFactory app = null!;

    public Task InitializeAsync()
    {
        app = new AppFactory(azurite);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await app.DisposeAsync();

    [Fact]
    public async Task CreateTenant_AdminKey_201WithKeyShownOnceAndStoredOnlyAsHash()
    {
        using var admin = app.CreateClient(AppFactory.AdminKey);

        using var response = await admin.PostAsJsonAsync("/api/tenants", new { id = "shop-a", name = "Shop A" });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var key = body["apiKey"]!.GetValue<string>();
        Assert.StartsWith("hsk_", key, StringComparison.Ordinal);
        Assert.Equal("shop-a", body["id"]!.GetValue<string>());

        var tables = TestStorage.Tables(azurite);
        var raw = new StringBuilder();
        foreach (var table in new[] { "tenants", "apikeys" })
        {
            await foreach (var row in tables.GetTableClient(app.Prefix + table).QueryAsync<TableEntity>())
            {
                raw.AppendJoin('|', row.Select(p => $"{p.Key}={p.Value}")).Append(row.RowKey).Append(row.PartitionKey);
            }
        }

        Assert.DoesNotContain(key, raw.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(key["hsk_".Length..], raw.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TenantKey_ReadsItself_OtherTenantIs404()
    {
        var keyA = await CreateTenantAsync("tenant-a");
        await CreateTenantAsync("tenant-b");
        using var clientA = app.CreateClient(keyA);

        using var own = await clientA.GetAsync(new Uri("/api/tenants/tenant-a", UriKind.Relative));
        using var other = await clientA.GetAsync(new Uri("/api/tenants/tenant-b", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        await AssertProblemAsync(other, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Routes_MissingOrWrongKey_401Problem()
    {
        using var anonymous = app.CreateClient(apiKey: null);
        using var wrong = app.CreateClient("hsk_not-a-key");

        await AssertProblemAsync(await anonymous.GetAsync(new Uri("/api/tenants/x", UriKind.Relative)), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await wrong.GetAsync(new Uri("/api/tenants/x", UriKind.Relative)), HttpStatusCode.Unauthorized);
        await AssertProblemAsync(await anonymous.PostAsJsonAsync("/api/tenants", new { id = "zz", name = "z" }), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Routes_WrongKind_403Problem()
    {
        var tenantKey = await CreateTenantAsync("tenant-c");
        using var tenant = app.CreateClient(tenantKey);
        using var admin = app.CreateClient(AppFactory.AdminKey);

        await AssertProblemAsync(await tenant.PostAsJsonAsync("/api/tenants", new { id = "evil", name = "x" }), HttpStatusCode.Forbidden);
        await AssertProblemAsync(await admin.GetAsync(new Uri("/api/tenants/tenant-c", UriKind.Relative)), HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task CreateTenant_SameIdTwice_409AndFirstKeyStillWorks()
    {
        var key = await CreateTenantAsync("dup");
        using var admin = app.CreateClient(AppFactory.AdminKey);

        await AssertProblemAsync(await admin.PostAsJsonAsync("/api/tenants", new { id = "dup", name = "again" }), HttpStatusCode.Conflict);
        using var tenant = app.CreateClient(key);
        Assert.Equal(HttpStatusCode.OK, (await tenant.GetAsync(new Uri("/api/tenants/dup", UriKind.Relative))).StatusCode);
    }

    [Theory]
    [InlineData("""{"id":"A B","name":"x"}""", "id")]
    [InlineData("""{"id":"ok-id","name":""}""", "name")]
    [InlineData("""{"id":"' or 1 eq 1","name":"x"}""", "id")]
    [InlineData("""{"id":42,"name":"x"}""", "$.id")]
    [InlineData("""{"id":"ok-id","name":"x" """, "$")]
    [InlineData("null", "$")]
    public async Task CreateTenant_BadBody_400WithFieldErrorAndNothingStored(string body, string field)
    {
        using var admin = app.CreateClient(AppFactory.AdminKey);
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        using var response = await admin.PostAsync(new Uri("/api/tenants", UriKind.Relative), content);

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.NotNull(problem["errors"]![field]);
        Assert.Equal(0, await CountRowsAsync("tenants"));
    }

    [Fact]
    public async Task CreateTenant_NotJson_415()
    {
        using var admin = app.CreateClient(AppFactory.AdminKey);
        using var content = new StringContent("id=x", Encoding.UTF8, "text/plain");

        await AssertProblemAsync(await admin.PostAsync(new Uri("/api/tenants", UriKind.Relative), content), HttpStatusCode.UnsupportedMediaType);
    }

    [Fact]
    public async Task CreateTenant_BodyOver1MiB_413()
    {
        using var admin = app.CreateClient(AppFactory.AdminKey);
        using var content = new StringContent($$"""{"id":"big","name":"{{new string('x', 1_100_000)}}"}""", Encoding.UTF8, "application/json");

        await AssertProblemAsync(await admin.PostAsync(new Uri("/api/tenants", UriKind.Relative), content), HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(0, await CountRowsAsync("tenants"));
    }

    [Fact]
    public async Task UnknownRouteAndWrongMethod_404And405Problems()
    {
        using var admin = app.CreateClient(AppFactory.AdminKey);

        await AssertProblemAsync(await admin.GetAsync(new Uri("/api/nothing-here", UriKind.Relative)), HttpStatusCode.NotFound);
        await AssertProblemAsync(await admin.DeleteAsync(new Uri("/api/health", UriKind.Relative)), HttpStatusCode.MethodNotAllowed);
    }

    [Fact]
    public async Task Health_NoKey_200WhenStorageAnswers()
    {
        using var anonymous = app.CreateClient(apiKey: null);

        using var response = await anonymous.GetAsync(new Uri("/api/health", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("ok", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["status"]!.GetValue<string>());
    }

    private async Task<string> CreateTenantAsync(string id)
    {
        using var admin = app.CreateClient(AppFactory.AdminKey);
        using var response = await admin.PostAsJsonAsync("/api/tenants", new { id, name = id });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["apiKey"]!.GetValue<string>();
    }

    private async Task<int> CountRowsAsync(string table)
    {
        var count = 0;
        try
        {
            await foreach (var _ in TestStorage.Tables(azurite).GetTableClient(app.Prefix + table).QueryAsync<TableEntity>())
            {
                count++;
            }
        }
        catch (Azure.RequestFailedException ex) when (ex.Status == 404)
        {
            return 0;
        }

        return count;
    }

    internal static async Task<JsonNode> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        using (response)
        {
            Assert.Equal(status, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            Assert.Equal((int)status, problem["status"]!.GetValue<int>());
            return problem;
        }
    }
}

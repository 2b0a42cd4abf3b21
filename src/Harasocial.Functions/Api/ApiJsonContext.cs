using System.Text.Json;
using System.Text.Json.Serialization;
using Harasocial.Functions.Tenants;

namespace Harasocial.Functions.Api;

/// <summary>Source-generated JSON for the HTTP API: camelCase, strict about unknown shapes only where a field says so.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(CreateTenantRequest))]
[JsonSerializable(typeof(CreateTenantResponse))]
[JsonSerializable(typeof(HealthReport))]
[JsonSerializable(typeof(Tenant))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;

using System.Text.Json.Serialization;
using Harasocial.Functions.Channels;

namespace Harasocial.Functions.Storage;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(List<ChannelAttachment>))]
internal sealed partial class StorageJsonContext : JsonSerializerContext;

using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Features;

namespace Harasocial.Sync.Api;

/// <summary>A request body the API accepts: it says which of its fields are wrong, by JSON name.</summary>
internal interface IValidatable
{
    IEnumerable<(string Field, string Error)> Validate();
}

/// <summary>
/// Reads a JSON request body with clear 4xx answers instead of binder defaults: 415 for a non-JSON content type,
/// 413 over the size limit, 400 with the failing JSON path for malformed or mistyped input and for invalid fields.
/// </summary>
internal static class JsonBody
{
    public static async Task<(T? Value, IResult? Problem)> ReadAsync<T>(HttpContext http, JsonTypeInfo<T> type)
        where T : class, IValidatable
    {
        var contentType = http.Request.ContentType;
        if (contentType is null || !(contentType.StartsWith("application/json", StringComparison.OrdinalIgnoreCase) ||
                                     contentType.Contains("+json", StringComparison.OrdinalIgnoreCase)))
        {
            return (null, Problems.Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Send the body as application/json."));
        }

        var limit = http.Features.Get<IHttpMaxRequestBodySizeFeature>()?.MaxRequestBodySize;
        if (limit is not null && http.Request.ContentLength > limit)
        {
            return (null, TooLarge(limit.Value));
        }

        T? value;
        try
        {
            value = await JsonSerializer.DeserializeAsync(http.Request.Body, type, http.RequestAborted);
        }
        catch (JsonException ex)
        {
            var path = string.IsNullOrEmpty(ex.Path) ? "$" : ex.Path;
            return (null, Problems.Validation(path, Describe(ex, path)));
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge(limit ?? 0));
        }

        if (value is null)
        {
            return (null, Problems.Validation("$", "The body must be a JSON object."));
        }

        var errors = value.Validate()
            .GroupBy(e => e.Field, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Error).ToArray(), StringComparer.Ordinal);
        return errors.Count > 0 ? (null, Problems.Validation(errors)) : (value, null);
    }

    public static IResult TooLarge(long limit) =>
        Problems.Status(StatusCodes.Status413PayloadTooLarge, "Payload too large", $"The body is larger than the {limit} bytes this route accepts.");

    /// <summary>
    /// A stable description: the serializer's own message names .NET types (<c>System.String</c>), which a client
    /// must not see. A reader failure (syntax, depth over 64) has the reader's exception inside; a value of the
    /// wrong JSON type has none.
    /// </summary>
    private static string Describe(JsonException ex, string path) => ex.InnerException is JsonException || ex.LineNumber is null
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"The body is not valid JSON (broken syntax, or nested deeper than 64 levels) near line {(ex.LineNumber ?? 0) + 1}, byte {ex.BytePositionInLine ?? 0}.")
        : $"The value at {path} has the wrong JSON type for this request (a string, number, object or array where another is expected).";
}

namespace Harasocial.Sync.Api;

/// <summary>RFC 9457 problem responses with a human-readable detail, used by every route.</summary>
internal static class Problems
{
    public static IResult Status(int status, string title, string detail) =>
        Results.Problem(statusCode: status, title: title, detail: detail);

    public static IResult Validation(IDictionary<string, string[]> errors, string detail = "The request has invalid fields.") =>
        Results.ValidationProblem(errors, detail: detail, title: "Invalid request");

    public static IResult Validation(string field, string error) =>
        Validation(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [error] }, error);

    /// <summary>403 with the field that did not prove ownership named in <c>errors</c> (connect, SPEC §4).</summary>
    public static IResult NotProven(string field, string error) =>
        Results.ValidationProblem(new Dictionary<string, string[]>(StringComparer.Ordinal) { [field] = [error] },
            detail: error, statusCode: StatusCodes.Status403Forbidden, title: "Ownership not proven");

    public static IResult NotFound(string what) =>
        Status(StatusCodes.Status404NotFound, "Not found", $"{what} does not exist or belongs to another tenant.");

    public static IResult Conflict(string detail) => Status(StatusCodes.Status409Conflict, "Conflict", detail);

    public static IResult Unauthorized(string detail) => Status(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static IResult Forbidden(string detail) => Status(StatusCodes.Status403Forbidden, "Forbidden", detail);
}

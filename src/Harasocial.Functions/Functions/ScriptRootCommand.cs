namespace Harasocial.Functions.Functions;

/// <summary>
/// <c>Harasocial.Functions --write-function-json DIR</c>: writes the function.json folders for the Functions host and
/// exits. The publish target runs it, so the script root always matches the function table.
/// </summary>
internal static class ScriptRootCommand
{
    public const string Flag = "--write-function-json";

    public static bool TryRun(WebApplication app, string[] args)
    {
        var at = Array.IndexOf(args, Flag);
        if (at < 0)
        {
            return false;
        }

        if (at + 1 >= args.Length)
        {
            throw new ArgumentException($"{Flag} needs a folder.");
        }

        ScriptRootWriter.Write(app.Services.GetRequiredService<FunctionTable>(), args[at + 1]);
        return true;
    }
}

namespace Harasocial.Functions.IntegrationTests;

/// <summary>Fixed seeds for randomised tests: a few by default, more when <c>HARASOCIAL_HEAVY=1</c> (README, heavy variants).</summary>
internal static class HeavyVariants
{
    public static bool On => Environment.GetEnvironmentVariable("HARASOCIAL_HEAVY") == "1";

    public static TheoryData<int> Seeds(int normal, int heavy)
    {
        var seeds = new TheoryData<int>();
        foreach (var seed in Enumerable.Range(1, On ? heavy : normal))
        {
            seeds.Add(seed);
        }

        return seeds;
    }
}

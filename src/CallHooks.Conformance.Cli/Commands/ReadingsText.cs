using CallHooks.Conformance.Providers;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary><c>callhooks list --readings</c> for one profile: each reading, its choices with what they send and their source, and why the default.</summary>
internal static class ReadingsText
{
    public static void Write(TextWriter output, IProviderProfile profile)
    {
        output.WriteLine($"{profile.Name}: {(profile.Readings.Count == 0 ? "no readings" : $"{profile.Readings.Count} reading(s)")}");
        foreach (var reading in profile.Readings)
        {
            output.WriteLine($"  --option {reading.Id}=...  {reading.Question}");
            var width = reading.Choices.Max(choice => choice.Value.Length) + 10;
            foreach (var choice in reading.Choices)
            {
                var name = choice.Value == reading.Default ? choice.Value + " (default)" : choice.Value;
                output.WriteLine($"    {name.PadRight(width)} {choice.Sends}");
                foreach (var id in choice.Source.Split(',', StringSplitOptions.TrimEntries))
                    output.WriteLine($"    {"".PadRight(width)}   source: {SourceText.Describe(profile, id)}");
            }

            output.WriteLine($"    why the default: {reading.WhyDefault}");
        }

        output.WriteLine();
    }
}

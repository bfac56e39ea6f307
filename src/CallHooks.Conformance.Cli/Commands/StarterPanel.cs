using System.Text;
using CallHooks.Conformance.Providers;

namespace CallHooks.Conformance.Cli.Commands;

/// <summary>
/// The commented panel file <c>callhooks init --provider NAME</c> writes: the provider's panel as its users set it up
/// (MyOperator's In-Call and After-Call webhooks, one webhook per voipappz event or Smartflo trigger, one webhook for
/// the others), with the events each receives named in comments and credentials shown as env: references.
/// </summary>
internal static class StarterPanel
{
    public static string For(IProviderProfile profile)
    {
        var text = new StringBuilder();
        text.Append("// callhooks panel file: ").Append(profile.Name).Append(" webhooks as its panel holds them.\n");
        text.Append("// callhooks run reads ./callhooks.json (or --panel FILE) and sends each event to every enabled webhook subscribed\n");
        text.Append("// to it. A url that is a path is taken relative to --target, or served by the embedded reference listener.\n");
        text.Append("// Secrets come from the environment, never from this file: \"basic\": \"env:CRM_HOOK_BASIC\" (user:password),\n");
        text.Append("// \"headers\": { \"X-Api-Key\": \"env:CRM_API_KEY\" }. Options and readings: callhooks list --readings.\n");
        text.Append("{\n  \"$schema\": \"./callhooks.schema.json\",\n  \"webhooks\": [\n");
        var webhooks = Webhooks(profile).ToList();
        for (var i = 0; i < webhooks.Count; i++)
        {
            var (name, events, meaning) = webhooks[i];
            text.Append("    // ").Append(meaning).Append('\n');
            text.Append("    {\n");
            text.Append("      \"name\": \"").Append(name).Append("\",\n");
            text.Append("      \"provider\": \"").Append(profile.Name).Append("\",\n");
            text.Append("      \"events\": [").Append(string.Join(", ", events.Select(id => "\"" + id + "\""))).Append("],\n");
            text.Append("      \"url\": \"/").Append(name.Replace('-', '_')).Append("\",\n");
            text.Append("      \"method\": \"").Append(profile.DefaultMethod).Append('"');
            if (profile.DefaultMethod != "GET")
                text.Append(",\n      \"encoding\": \"").Append(profile.DefaultEncoding).Append('"');
            text.Append("\n    }").Append(i < webhooks.Count - 1 ? "," : "").Append('\n');
        }

        text.Append("  ]\n}\n");
        return text.ToString();
    }

    /// <summary>Name, events and what it receives, for each webhook of the provider's usual panel.</summary>
    private static IEnumerable<(string Name, IReadOnlyList<string> Events, string Meaning)> Webhooks(IProviderProfile profile)
    {
        if (profile.WebhookPerEvent)
        {
            foreach (var known in profile.Events)
                yield return (Slug(known.Id), [known.Id], known.Id + ": " + known.Meaning);
            yield break;
        }

        var grouped = profile.EventGroups.Values.SelectMany(ids => ids).ToHashSet(StringComparer.Ordinal);
        foreach (var (group, ids) in profile.EventGroups)
            yield return (group, [group], $"{group}: events {string.Join(", ", ids)}");
        var rest = profile.Events.Where(known => !grouped.Contains(known.Id)).ToList();
        if (profile.EventGroups.Count == 0)
            yield return (
                profile.Name,
                [Panels.PanelReader.AllEvents],
                "every event: " + string.Join("; ", profile.Events.Select(e => $"{e.Id} ({e.Meaning})"))
            );
        else
            foreach (var known in rest)
                yield return (Slug(known.Id), [known.Id], known.Id + ": " + known.Meaning);
    }

    /// <summary>"Call:Ringing" becomes "call-ringing": a webhook name and a path segment.</summary>
    private static string Slug(string id) =>
        string.Join('-', System.Text.RegularExpressions.Regex.Split(id.ToLowerInvariant(), "[^a-z0-9]+").Where(part => part.Length > 0));
}

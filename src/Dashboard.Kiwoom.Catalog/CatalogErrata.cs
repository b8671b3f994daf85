using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Kiwoom.Catalog;

/// <summary>
/// Corrections of the catalog's response-field descriptions, kept in overlay.json beside the other catalog errata
/// (<c>"trs": { "ka10051": { "fields": { "inds_netprps.cur_prc": { "desc": "...", "why": "..." } } } }</c>).
/// The generator and the library's embedded catalog both read the catalog through here, so the C# types, the
/// simulator's wire values and the explorer's cells all follow one corrected description.
/// </summary>
public static class CatalogErrata
{
    /// <summary>
    /// <paramref name="catalogJson"/> with every overlay <c>desc</c> put in place of the catalog's. A path the
    /// catalog does not have is an error: a mistyped erratum must not be silently ignored.
    /// </summary>
    public static string Apply(string catalogJson, string overlayJson)
    {
        var options = new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip };
        var catalog = JsonNode.Parse(catalogJson, documentOptions: options)?.AsArray()
            ?? throw new InvalidDataException("catalog.json is empty.");
        var overlay = JsonNode.Parse(overlayJson, documentOptions: options)
            ?? throw new InvalidDataException("overlay.json is empty.");
        if (overlay["trs"] is not JsonObject trs)
        {
            return catalogJson;
        }

        var changed = false;
        foreach (var (id, entry) in trs)
        {
            if (entry?["fields"] is not JsonObject fields)
            {
                continue;
            }

            foreach (var (path, field) in fields)
            {
                if (field?["desc"]?.GetValue<string>() is not { } desc)
                {
                    continue;
                }

                var target = Find(catalog, id, path)
                    ?? throw new InvalidDataException($"overlay.json: {id}.{path} corrects a description, but the catalog has no such response field.");
                target["desc"] = desc;
                changed = true;
            }
        }

        return changed ? catalog.ToJsonString() : catalogJson;
    }

    /// <summary>The response field at "name" or "list.name" of the TR <paramref name="id"/>, or null.</summary>
    private static JsonObject? Find(JsonArray catalog, string id, string path)
    {
        var tr = catalog.OfType<JsonObject>().FirstOrDefault(t => t["id"]?.GetValue<string>() == id);
        JsonNode? fields = tr?["response"];
        JsonObject? field = null;
        foreach (var name in path.Split('.'))
        {
            field = (fields as JsonArray)?.OfType<JsonObject>().FirstOrDefault(f => f["name"]?.GetValue<string>() == name);
            fields = field?["fields"];
        }

        return field;
    }
}

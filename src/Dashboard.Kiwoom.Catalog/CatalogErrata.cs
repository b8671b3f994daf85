using System.Text.Json;
using System.Text.Json.Nodes;

namespace Dashboard.Kiwoom.Catalog;

/// <summary>
/// The catalog's response-field errata, kept in overlay.json beside the other catalog overlays:
/// <list type="bullet">
/// <item>a corrected description, <c>"trs": { "ka10051": { "fields": { "inds_netprps.cur_prc": { "desc": "...", "why": "..." } } } }</c>;</item>
/// <item>a corrected guide type, <c>"guideType": "String"</c> (a "LIST" the live API sends as a plain value loses its rows);</item>
/// <item>fields the live API sends that the catalog's tables lack, <c>"add": [ { "list": "inds_cur_prc_tm", "after": "acc_trde_qty_n",
/// "evidence": "...", "fields": [ { "name": "stex_tp", "ko": "...", "desc": "..." } ] } ]</c> (list null: the top level).</item>
/// </list>
/// The generator, the library's embedded catalog and so the simulator all read the catalog through here: the C# types,
/// the simulator's wire values, the CLI and the explorer's cells follow one corrected catalog.
/// </summary>
public static class CatalogErrata
{
    /// <summary>
    /// <paramref name="catalogJson"/> with every erratum of the overlay applied. A path the
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
            if (entry?["add"] is JsonArray additions)
            {
                foreach (var addition in additions)
                {
                    Add(catalog, id, addition as JsonObject ?? throw new InvalidDataException($"overlay.json: {id}.add holds something other than an object."));
                    changed = true;
                }
            }

            if (entry?["fields"] is not JsonObject fields)
            {
                continue;
            }

            foreach (var (path, field) in fields)
            {
                var desc = field?["desc"]?.GetValue<string>();
                var guideType = field?["guideType"]?.GetValue<string>();
                if (desc is null && guideType is null)
                {
                    continue;
                }

                var target = Find(catalog, id, path)
                    ?? throw new InvalidDataException($"overlay.json: {id}.{path} corrects a field, but the catalog has no such response field.");
                if (desc is not null)
                {
                    target["desc"] = desc;
                }

                if (guideType is not null)
                {
                    target["type"] = guideType;
                    if (guideType is not ("LIST" or "Object"))
                    {
                        target.Remove("fields");
                    }
                }

                changed = true;
            }
        }

        return changed ? catalog.ToJsonString() : catalogJson;
    }

    /// <summary>Inserts an addition's fields into the TR's top level or one of its lists, after the named field (or last).</summary>
    private static void Add(JsonArray catalog, string id, JsonObject addition)
    {
        var list = addition["list"]?.GetValue<string>();
        var after = addition["after"]?.GetValue<string>();
        var tr = catalog.OfType<JsonObject>().FirstOrDefault(t => t["id"]?.GetValue<string>() == id)
            ?? throw new InvalidDataException($"overlay.json: {id}.add names a TR the catalog does not have.");
        var fields = (list is null ? tr["response"] : Find(catalog, id, list)?["fields"]) as JsonArray
            ?? throw new InvalidDataException($"overlay.json: {id}.add names the list {id}.{list}, which the catalog does not have.");
        var at = after is null ? fields.Count : IndexOf(fields, after) + 1;
        if (at == 0)
        {
            throw new InvalidDataException($"overlay.json: {id}.add places fields after {id}.{after}, which the catalog does not list.");
        }

        foreach (var field in (addition["fields"] as JsonArray ?? []).OfType<JsonObject>())
        {
            var name = field["name"]?.GetValue<string>() ?? throw new InvalidDataException($"overlay.json: {id}.add has a field without a name.");
            if (IndexOf(fields, name) >= 0)
            {
                // The catalog caught up: the erratum is stale and must go, not shadow the catalog.
                throw new InvalidDataException($"overlay.json: {id}.add adds {name}, which the catalog already lists.");
            }

            var added = (JsonObject)field.DeepClone();
            added["type"] ??= "String";
            fields.Insert(at++, added);
        }
    }

    private static int IndexOf(JsonArray fields, string name)
    {
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i]?["name"]?.GetValue<string>() == name)
            {
                return i;
            }
        }

        return -1;
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

using Dashboard.Kiwoom.Explorer;

namespace Dashboard.Web.Components.Explorer;

/// <summary>Finds TR forms by api-id, Korean or English name, or category; every word of the query must match.</summary>
public static class TrSearch
{
    public static IReadOnlyList<TrForm> Find(IEnumerable<TrForm> forms, string? query)
    {
        var words = (query ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return [.. forms.Where(form => words.All(word => Matches(form, word)))];
    }

    private static bool Matches(TrForm form, string word) =>
        Contains(form.ApiId, word) || Contains(form.NameKo, word) || Contains(form.NameEn, word)
        || Contains(form.CategoryKo, word) || Contains(form.Category.Replace('_', ' '), word) || Contains(form.Category, word);

    private static bool Contains(string text, string word) => text.Contains(word, StringComparison.OrdinalIgnoreCase);
}

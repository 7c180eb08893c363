namespace MayorsClub.Web.Site.Rendering;

/// <summary>
/// One slice of a list and the links to the others (<c>?page=N</c>; the first page is the list's own URL).
/// <paramref name="Filter"/> is a query kept on every page's link ("tag=…", already escaped).
/// </summary>
public sealed record Pager(int Current, int Count, string BaseUrl, string? Filter = null)
{
    public const int DefaultPageSize = 9;

    public bool HasPages => Count > 1;

    public string? PreviousUrl => Current > 1 ? UrlOf(Current - 1) : null;

    public string? NextUrl => Current < Count ? UrlOf(Current + 1) : null;

    public string UrlOf(int page) => (page <= 1, Filter) switch
    {
        (true, null) => BaseUrl,
        (true, _) => $"{BaseUrl}?{Filter}",
        (false, null) => $"{BaseUrl}?{PageController.PageParameter}={page}",
        (false, _) => $"{BaseUrl}?{Filter}&{PageController.PageParameter}={page}",
    };

    /// <summary>The query for a tag's list ("tag=%D0%B3%D1%80…").</summary>
    public static string TagFilter(string tag) => $"{PageController.TagParameter}={Uri.EscapeDataString(tag)}";

    /// <summary>
    /// The page numbers to link: the first, the last, and two either side of the current one; null marks a gap
    /// (never a gap of a single page: that page is shown instead).
    /// </summary>
    public IReadOnlyList<int?> Numbers
    {
        get
        {
            var numbers = new List<int?>();
            for (var page = 1; page <= Count; page++)
            {
                if (page == 1 || page == Count || Math.Abs(page - Current) <= 2
                    || (page == 2 && Current - 2 == 3) || (page == Count - 1 && Current + 2 == Count - 2))
                {
                    numbers.Add(page);
                }
                else if (numbers.Count > 0 && numbers[^1] is not null)
                {
                    numbers.Add(null);
                }

                // Jump over long runs of hidden pages instead of walking them one by one.
                if (page > 1 && page < Current - 3)
                {
                    page = Current - 3;
                }
                else if (page > Current + 2 && page < Count - 1)
                {
                    page = Count - 1;
                }
            }

            return numbers;
        }
    }

    /// <summary>How many pages a list of <paramref name="total"/> items takes (at least one, even when empty).</summary>
    public static int PageCountOf(int total, int pageSize) => Math.Max(1, (total + pageSize - 1) / pageSize);

    /// <summary>The items of one page (none when the page is past the end; the controller redirects those).</summary>
    public static IReadOnlyList<T> Slice<T>(IReadOnlyList<T> items, int page, int pageSize)
    {
        var skip = (long)(page - 1) * pageSize;
        if (skip >= items.Count)
        {
            return [];
        }

        var take = (int)Math.Min(pageSize, items.Count - skip);
        var slice = new T[take];
        for (var i = 0; i < take; i++)
        {
            slice[i] = items[(int)skip + i];
        }

        return slice;
    }
}

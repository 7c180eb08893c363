namespace MayorsClub.Core.Content;

/// <summary>One reason a content operation was refused, with the field and culture it concerns.</summary>
public sealed record ContentError(string Code, string? Property = null, string? Culture = null, IReadOnlyList<string>? Args = null)
{
    /// <summary>The message in the given UI language (uk or en).</summary>
    public string Message(string uiCulture = Cultures.English) =>
        ContentMessages.Format(Code, uiCulture, Args ?? []);

    public override string ToString() =>
        $"{Code}{(Property is null ? "" : $" [{Property}]")}{(Culture is null ? "" : $" ({Culture})")}: {Message()}";
}

/// <summary>How a content operation ended.</summary>
public enum ContentStatus
{
    Success,
    NotFound,
    Invalid,
    Conflict,
    NotAllowed,
}

/// <summary>The outcome of a content operation: a status, the errors if refused, and the document's state after it.</summary>
public sealed record ContentResult(ContentStatus Status, IReadOnlyList<ContentError> Errors, DocumentState? Document = null)
{
    public bool Succeeded => Status == ContentStatus.Success;

    public static ContentResult Ok(DocumentState document) => new(ContentStatus.Success, [], document);

    public static ContentResult NotFound() => new(ContentStatus.NotFound, [new ContentError(ContentMessages.DocumentNotFound)]);

    public static ContentResult Invalid(IReadOnlyList<ContentError> errors) => new(ContentStatus.Invalid, errors);

    public static ContentResult Invalid(ContentError error) => new(ContentStatus.Invalid, [error]);

    public static ContentResult Conflict(int currentVersion) =>
        new(ContentStatus.Conflict, [new ContentError(ContentMessages.ConcurrencyConflict, Args: [currentVersion.ToString(System.Globalization.CultureInfo.InvariantCulture)])]);

    public static ContentResult NotAllowed(ContentError error) => new(ContentStatus.NotAllowed, [error]);
}

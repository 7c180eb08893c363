namespace MayorsClub.Core.Applications;

/// <summary>Where an application stands: the strings stored in <c>Applications.Status</c>.</summary>
public static class ApplicationStatus
{
    /// <summary>Submitted, nobody has looked at it yet (the only status the intake writes).</summary>
    public const string New = "new";

    /// <summary>A reviewer has taken it up.</summary>
    public const string InReview = "review";

    public const string Approved = "approved";
    public const string Rejected = "rejected";

    /// <summary>Answered or done without a decision (a contact message, or anything finished).</summary>
    public const string Closed = "closed";

    public static IReadOnlyList<string> All { get; } = [New, InReview, Approved, Rejected, Closed];

    public static bool IsStatus(string? status) => status is not null && All.Contains(status, StringComparer.Ordinal);

    /// <summary>Still waiting for a decision.</summary>
    public static bool IsOpen(string status) => status is New or InReview;
}

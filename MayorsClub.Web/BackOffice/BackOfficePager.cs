namespace MayorsClub.Web.BackOffice;

/// <summary>The pager under a back-office list (the audit log, the members): the page, how many, each page's address and the words.</summary>
/// <param name="Label">What the pager says and is called, e.g. "Page 2 of 5".</param>
public sealed record BackOfficePager(int Page, int Pages, Func<int, string> Link, string Previous, string Next, string Label);

using System.Globalization;
using CsvHelper;
using MayorsClub.Core.Applications;
using MayorsClub.Web.BackOffice.Content;
using MiniExcelLibs;

namespace MayorsClub.Web.BackOffice.Applications;

/// <summary>
/// The filtered applications as a file: CSV (UTF-8 with a BOM, so Excel shows Cyrillic; CsvHelper) or .xlsx (MiniExcel).
/// The common columns always; with one form chosen, a column per field of that form, labelled in the reviewer's language,
/// choices and regions by name.
/// </summary>
public static class ApplicationExport
{
    public const string Csv = "csv";
    public const string Xlsx = "xlsx";
    public const string CsvType = "text/csv; charset=utf-8";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static bool IsFormat(string? format) => format is Csv or Xlsx;

    public static string FileName(string format, DateTime utc) =>
        $"applications-{utc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}.{format}";

    public static byte[] Write(string format, IReadOnlyList<ApplicationDetail> applications, string? form, string ui) =>
        format == Xlsx ? ToXlsx(applications, form, ui) : ToCsv(applications, form, ui);

    /// <summary>The columns: headers and how to read each application's cell.</summary>
    public static IReadOnlyList<(string Header, Func<ApplicationDetail, string> Value)> Columns(string? form, string ui)
    {
        string T(string key) => ApplicationsText.Get(key, ui);
        var columns = new List<(string, Func<ApplicationDetail, string>)>
        {
            (T(ApplicationsText.Reference), a => a.Reference),
            (T(ApplicationsText.Form), a => ApplicationsText.FormLabel(a.Form, ui)),
            (T(ApplicationsText.Status), a => ApplicationsText.StatusLabel(a.Status, ui)),
            (T(ApplicationsText.Submitted), a => KyivTime.Format(a.SubmittedUtc)),
            (T(ApplicationsText.Language), a => a.Culture),
            (T(ApplicationsText.Applicant), a => a.ApplicantName),
            (T(ApplicationsText.ApplicantEmail), a => a.ApplicantEmail),
        };
        if (ApplicationForms.Find(form) is { } chosen)
        {
            foreach (var field in chosen.Fields.Where(f => f.Name != chosen.ApplicantNameField && f.Name != chosen.ApplicantEmailField))
            {
                columns.Add((field.Label(ui), a => Display(field, a.Value(field.Name), ui)));
            }
        }

        return columns;
    }

    /// <summary>A field's value as people read it: a choice or region by its name, consent as yes/no, the rest as given.</summary>
    public static string Display(FormField field, string value, string ui)
    {
        if (value.Length == 0)
        {
            return "";
        }

        return field.Type switch
        {
            FieldType.Choice or FieldType.Region => field.Choices(ui).FirstOrDefault(c => c.Value == value).Name ?? value,
            FieldType.Consent => ApplicationsText.Get(value is "true" or "on" ? ApplicationsText.Yes : ApplicationsText.No, ui),
            _ => value,
        };
    }

    private static byte[] ToCsv(IReadOnlyList<ApplicationDetail> applications, string? form, string ui)
    {
        var columns = Columns(form, ui);
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true))
        {
            foreach (var (header, _) in columns)
            {
                csv.WriteField(header);
            }

            csv.EndRecord();
            foreach (var application in applications)
            {
                foreach (var (_, value) in columns)
                {
                    csv.WriteField(Defused(value(application)));
                }

                csv.EndRecord();
            }
        }

        return stream.ToArray();
    }

    private static byte[] ToXlsx(IReadOnlyList<ApplicationDetail> applications, string? form, string ui)
    {
        var columns = Columns(form, ui);
        // A table rather than rows of dictionaries, so an empty list still has its header row.
        using var table = new System.Data.DataTable("applications");
        foreach (var (header, _) in columns)
        {
            table.Columns.Add(header, typeof(string));
        }

        foreach (var application in applications)
        {
            table.Rows.Add(columns.Select(c => (object)c.Value(application)).ToArray());
        }

        using var stream = new MemoryStream();
        MiniExcel.SaveAs(stream, table, excelType: ExcelType.XLSX);
        return stream.ToArray();
    }

    /// <summary>
    /// A cell a spreadsheet would run as a formula (=, +, -, @ first: the applicant typed it) gets a leading apostrophe;
    /// a phone number in international form (+380…) is left as it is.
    /// </summary>
    private static string Defused(string value) =>
        value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !IsPhone(value) ? "'" + value : value;

    private static bool IsPhone(string value) => value.Length > 1 && value[0] == '+' && value.Skip(1).All(char.IsAsciiDigit);
}

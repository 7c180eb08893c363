using ArchUnitNET.Domain;
using ArchUnitNET.Fluent;
using ArchUnitNET.Loader;
using ArchUnitNET.NUnit;
using MayorsClub.Core.Setup;
using Microsoft.AspNetCore.Hosting;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace MayorsClub.Tests.Architecture;

/// <summary>
/// The dependencies the design intends, checked on the compiled assemblies (Core, Web and these tests), so that a
/// public reader reaching the database, or Core reaching MVC, fails the build rather than waiting for a review.
/// </summary>
public sealed class ArchitectureRules
{
    // Loaded once for every rule: reading the assemblies is the slow part.
    private static readonly ArchUnitNET.Domain.Architecture Loaded = new ArchLoader()
        .LoadAssemblies(typeof(CoreServices).Assembly, typeof(Program).Assembly, typeof(ArchitectureRules).Assembly)
        .Build();

    /// <summary>
    /// The public readers: the site, SEO (sitemap, robots, feeds), the members' pages (sign-in, profile, passkeys), the
    /// media files (public ones and members' protected video and materials), the events calendar (its page and iCal feeds),
    /// site search (its index is fed from the read model, never the database), the Delivery API (its endpoints in Web, its
    /// queries and JSON in Core) and the image endpoint (its HTTP answers in Web, processing and disk cache in Core).
    /// </summary>
    private static readonly IObjectProvider<IType> PublicReaders =
        Types().That().ResideInNamespaceMatching(Under(
                "MayorsClub.Web.Site", "MayorsClub.Web.Seo", "MayorsClub.Web.Members", "MayorsClub.Web.Media", "MayorsClub.Web.Delivery",
                "MayorsClub.Web.Calendar", "MayorsClub.Web.Search", "MayorsClub.Web.Imaging", "MayorsClub.Core.Events", "MayorsClub.Core.Search",
                "MayorsClub.Core.Delivery", "MayorsClub.Core.Imaging"))
            .As("the site, SEO, the members' pages, media files and their resized variants, the calendar, site search and the Delivery API");

    private static readonly IObjectProvider<IType> MembersCode =
        Types().That().ResideInNamespaceMatching(Under("MayorsClub.Core.Members", "MayorsClub.Web.Members")).As("the members' code (Core.Members, Web.Members)");

    private static readonly IObjectProvider<IType> Persistence =
        Types(true).That().ResideInNamespaceMatching(Under("MayorsClub.Core.Persistence")).As("MayorsClub.Core.Persistence");

    private static readonly IObjectProvider<IType> EntityFramework =
        Types(true).That().ResideInNamespaceMatching(Under("Microsoft.EntityFrameworkCore")).As("EF Core");

    private static readonly IObjectProvider<IType> Core =
        Types().That().ResideInNamespaceMatching(Under("MayorsClub.Core")).As("MayorsClub.Core");

    private static readonly IObjectProvider<IType> Web =
        Types().That().ResideInNamespaceMatching(Under("MayorsClub.Web")).As("MayorsClub.Web");

    [Test]
    public void PublicReaders_DoNotDependOnPersistence() =>
        Types().That().Are(PublicReaders).Should().NotDependOnAny(Persistence).Check(Loaded);

    [Test]
    public void PublicReaders_DoNotDependOnEntityFramework() =>
        Types().That().Are(PublicReaders).Should().NotDependOnAny(EntityFramework).Check(Loaded);

    [Test]
    public void Web_NeverUsesPersistenceTypes() =>
        Types().That().Are(Web).Should().NotDependOnAny(Persistence).Check(Loaded);

    /// <summary>
    /// No MVC in Core, nor the rest of the web stack (hosting, HTTP, routing, authentication): Core is used by the web
    /// app, never the other way round. Identity's user manager and stores are in Microsoft.AspNetCore.Identity, which is
    /// not the web stack (no HTTP in it), so that one namespace is allowed; so is Data Protection (cryptography, no HTTP
    /// either), whose keys Core keeps in the database.
    /// </summary>
    [Test]
    public void Core_DoesNotDependOnAspNetCore() =>
        Types().That().Are(Core).Should().NotDependOnAny(
                Types(true).That().ResideInNamespaceMatching(@"^Microsoft\.AspNetCore(\.(?!(Identity|DataProtection)(\.|$)).*)?$")
                    .As("ASP.NET Core (but Identity and Data Protection)"))
            .Check(Loaded);

    [Test]
    public void Core_DoesNotDependOnMvc() =>
        Types().That().Are(Core).Should().NotDependOnAny(
                Types(true).That().ResideInNamespaceMatching(Under("Microsoft.AspNetCore.Mvc")).As("ASP.NET Core MVC"))
            .Check(Loaded);

    /// <summary>Publishing builds on content; content does not call publishing (no circle between the two).</summary>
    [Test]
    public void Content_DoesNotDependOnPublishing() =>
        Types().That().ResideInNamespaceMatching(Under("MayorsClub.Core.Content")).Should().NotDependOnAny(
                Types().That().ResideInNamespaceMatching(Under("MayorsClub.Core.Publishing")).As("MayorsClub.Core.Publishing"))
            .Check(Loaded);

    /// <summary>
    /// Published values, members-only ones included, are reached only through the read model (its typed reads follow the
    /// one access rule). The raw accessors are internal to Core; this keeps the rest of Core (and any later reader put in
    /// Core) off them too. Tests may read raw values to check what was stored.
    /// </summary>
    [Test]
    public void OnlyTheReadModel_ReadsRawPublishedValues() =>
        Types().That().ResideInNamespaceMatching(Under("MayorsClub.Core", "MayorsClub.Web"))
            .And().DoNotResideInNamespaceMatching(Under("MayorsClub.Core.Publishing")).Should().NotCallAny(
                MethodMembers().That().HaveFullNameMatching(
                        @"MayorsClub\.Core\.Publishing\.(PublishedDocument::(Value|Text|get_Source|get_Invariant)|PublishedCulture::get_Values)\(")
                    .As("the raw published values"))
            .Check(Loaded);

    /// <summary>
    /// Members are who may read; publishing decides what they read (a rule names member groups). Members know nothing
    /// of publishing, so the two do not go round in a circle.
    /// </summary>
    [Test]
    public void Members_DoNotDependOnPublishing() =>
        Types().That().Are(Types().That().ResideInNamespaceMatching(Under("MayorsClub.Core.Members")).As("MayorsClub.Core.Members")).Should().NotDependOnAny(
                Types().That().ResideInNamespaceMatching(Under("MayorsClub.Core.Publishing")).As("MayorsClub.Core.Publishing"))
            .Check(Loaded);

    /// <summary>
    /// Members and back-office users are separate identities (own tables, cookies and sign-in): the members' code,
    /// in Core and on the site, never handles a back-office user nor calls into the back office.
    /// </summary>
    [Test]
    public void MembersCode_NeverTouchesBackOfficeIdentities() =>
        Types().That().Are(MembersCode).Should().NotDependOnAny(
                Types().That().HaveNameStartingWith("BackOffice").Or().ResideInNamespaceMatching(Under("MayorsClub.Web.BackOffice"))
                    .As("the back office's users and code"))
            .Check(Loaded);

    /// <summary>The back office's own sign-in and user administration never handle a member (members have their own section).</summary>
    [Test]
    public void BackOfficeIdentities_NeverTouchMembers() =>
        Types().That().Are(
                Types().That().ResideInNamespaceMatching(Under(
                        "MayorsClub.Core.Users", "MayorsClub.Web.BackOffice.Users", "MayorsClub.Web.BackOffice.SignIn", "MayorsClub.Web.BackOffice.Account"))
                    .As("the back office's identity code (Core.Users, BackOffice.Users, .SignIn, .Account)"))
            .Should().NotDependOnAny(MembersCode)
            .Check(Loaded);

    /// <summary>The pipeline is listed in Program.cs: no middleware added from the side by a start-up filter.</summary>
    [Test]
    public void NoTypeIsAStartupFilter() =>
        Types().Should().NotImplementInterface(typeof(IStartupFilter)).Check(Loaded);

    /// <summary>A regular expression for a namespace and everything below it (MayorsClub.Web.Site, MayorsClub.Web.Site.Rendering…).</summary>
    private static string Under(params string[] namespaces) =>
        "^(" + string.Join("|", namespaces.Select(n => n.Replace(".", @"\.", StringComparison.Ordinal))) + @")(\..*)?$";
}

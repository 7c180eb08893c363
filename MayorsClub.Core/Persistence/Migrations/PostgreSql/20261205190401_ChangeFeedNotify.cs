using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace MayorsClub.Core.Persistence.Migrations.PostgreSql
{
    /// <summary>
    /// Every insert into the change feed notifies the channel <c>mayorsclub_changes</c>. PostgreSQL delivers a NOTIFY only
    /// when the inserting transaction commits (and folds duplicates within one transaction), so every node's listener is
    /// woken after the commit and no write path can forget to send it. PostgreSQL only: SQLite is one process.
    /// </summary>
    public partial class ChangeFeedNotify : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                CREATE FUNCTION mayorsclub_notify_changes() RETURNS trigger LANGUAGE plpgsql AS $$
                BEGIN
                    PERFORM pg_notify('mayorsclub_changes', '');
                    RETURN NULL;
                END;
                $$;
                """);
            migrationBuilder.Sql("""
                CREATE TRIGGER "PublishedChanges_notify" AFTER INSERT ON "PublishedChanges"
                FOR EACH STATEMENT EXECUTE FUNCTION mayorsclub_notify_changes();
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""DROP TRIGGER IF EXISTS "PublishedChanges_notify" ON "PublishedChanges";""");
            migrationBuilder.Sql("DROP FUNCTION IF EXISTS mayorsclub_notify_changes();");
        }
    }
}

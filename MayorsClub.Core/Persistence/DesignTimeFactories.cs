using MayorsClub.Core.Setup;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace MayorsClub.Core.Persistence;

// Used only by `dotnet ef migrations add`: each provider's migrations are generated from its own context.

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteMayorsClubDbContext>
{
    public SqliteMayorsClubDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<SqliteMayorsClubDbContext>();
        builder.UseSqliteDatabase("Data Source=design.db");
        return new(builder.Options);
    }
}

internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlMayorsClubDbContext>
{
    public PostgreSqlMayorsClubDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<PostgreSqlMayorsClubDbContext>();
        builder.UsePostgreSql("Host=localhost;Database=design");
        return new(builder.Options);
    }
}

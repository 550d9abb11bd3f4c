using Npgsql;
using SchemaPlanner.Errors;
using SchemaPlanner.Sources;
using Xunit;

namespace SchemaPlanner.Tests.Sources;

public sealed class ConnectionStringsTests
{
    private const string Secret = "Sup3r-Secret-Pa55";

    [Fact]
    public void Full_url_maps_every_part()
    {
        var result = Parse($"postgres://alice:{Secret}@db.example.com:6543/app?sslmode=require&application_name=planner&connect_timeout=7");

        Assert.Equal("db.example.com", result.Host);
        Assert.Equal(6543, result.Port);
        Assert.Equal("alice", result.Username);
        Assert.Equal(Secret, result.Password);
        Assert.Equal("app", result.Database);
        Assert.Equal(SslMode.Require, result.SslMode);
        Assert.Equal("planner", result.ApplicationName);
        Assert.Equal(7, result.Timeout);
    }

    [Fact]
    public void Postgresql_scheme_without_user_or_port()
    {
        var result = Parse("postgresql://localhost/mydb");

        Assert.Equal("localhost", result.Host);
        Assert.Equal(5432, result.Port);
        Assert.Null(result.Username);
        Assert.Null(result.Password);
        Assert.Equal("mydb", result.Database);
    }

    [Fact]
    public void Scheme_is_case_insensitive_and_user_without_password_is_fine()
    {
        var result = Parse("POSTGRES://bob@db");

        Assert.Equal("db", result.Host);
        Assert.Equal("bob", result.Username);
        Assert.Null(result.Password);
        Assert.Null(result.Database);
    }

    [Fact]
    public void Percent_encoded_parts_are_decoded()
    {
        var result = Parse("postgres://b%C3%B6b:p%40ss%3Aw%2Ford%3F@127.0.0.1/db%20name");

        Assert.Equal("böb", result.Username);
        Assert.Equal("p@ss:w/ord?", result.Password);
        Assert.Equal("db name", result.Database);
    }

    [Fact]
    public void Unencoded_at_and_colon_in_the_password_still_work()
    {
        var result = Parse("postgres://carol:pa:ss@word@db:5433/app");

        Assert.Equal("carol", result.Username);
        Assert.Equal("pa:ss@word", result.Password);
        Assert.Equal("db", result.Host);
        Assert.Equal(5433, result.Port);
    }

    [Fact]
    public void Ipv6_host_in_brackets()
    {
        var result = Parse("postgresql://[::1]:5433/postgres");

        Assert.Equal("::1", result.Host);
        Assert.Equal(5433, result.Port);
    }

    [Fact]
    public void Several_hosts_become_an_npgsql_host_list()
    {
        var result = Parse("postgres://u@h1:5432,h2:5433/db?target_session_attrs=read-write");

        Assert.Equal("h1:5432,h2:5433", result.Host);
        Assert.Equal("read-write", result.TargetSessionAttributes);
    }

    [Fact]
    public void Host_and_user_may_come_from_query_parameters()
    {
        var result = Parse("postgresql:///app?host=%2Fvar%2Frun%2Fpostgresql&user=me&port=5433&sslmode=verify-full");

        Assert.Equal("/var/run/postgresql", result.Host);
        Assert.Equal("me", result.Username);
        Assert.Equal(5433, result.Port);
        Assert.Equal("app", result.Database);
        Assert.Equal(SslMode.VerifyFull, result.SslMode);
    }

    [Fact]
    public void Npgsql_keywords_are_accepted_as_url_parameters()
    {
        var result = Parse("postgres://u@db/app?Include Error Detail=true&Pooling=false");

        Assert.True(result.IncludeErrorDetail);
        Assert.False(result.Pooling);
    }

    [Fact]
    public void Keyword_form_is_kept()
    {
        var result = Parse($"  Host=db.example.com;Port=6543;User ID=alice;Password={Secret};Database=app;SSL Mode=Require ");

        Assert.Equal("db.example.com", result.Host);
        Assert.Equal(6543, result.Port);
        Assert.Equal("alice", result.Username);
        Assert.Equal(Secret, result.Password);
        Assert.Equal("app", result.Database);
        Assert.Equal(SslMode.Require, result.SslMode);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("postgres://alice:" + Secret + "@db:notaport/app")]
    [InlineData("postgres://alice:" + Secret + "@db:70000/app")]
    [InlineData("postgres://alice:" + Secret + "/x@db/app")]
    [InlineData("postgres://alice:" + Secret + "@db/app?sslmode=sometimes")]
    [InlineData("postgres://alice:" + Secret + "@db/app?no_such_parameter=1")]
    [InlineData("postgres://alice:" + Secret + "@db/app?sslmode")]
    [InlineData("postgres://alice:" + Secret + "@[::1/app")]
    [InlineData("Host=db;Bogus=1;Password=" + Secret)]
    [InlineData("Host=db;Port=abc;Password=" + Secret)]
    [InlineData("Password=" + Secret + ";just some text")]
    [InlineData("db.example.com")]
    public void Malformed_input_is_invalid_input_without_the_password(string input)
    {
        var error = Assert.Throws<SchemaPlannerException>(() => ConnectionStrings.Normalize(input));

        Assert.Equal(ErrorKind.InvalidInput, error.Kind);
        Assert.StartsWith("invalid connection string: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.Message, StringComparison.Ordinal);
    }

    private static NpgsqlConnectionStringBuilder Parse(string input) => new(ConnectionStrings.Normalize(input));
}

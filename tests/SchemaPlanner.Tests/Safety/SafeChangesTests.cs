using SchemaPlanner.Changes;
using SchemaPlanner.Model;
using SchemaPlanner.Safety;
using Xunit;
using static SchemaPlanner.Tests.Safety.SafetyBuilders;

namespace SchemaPlanner.Tests.Safety;

/// <summary>The rows SAFETY.md calls safe under traffic: no rule may block them.</summary>
public sealed class SafeChangesTests
{
    private static readonly Table Users = Tbl("users", Col("id", notNull: true), Col("email", "text"));

    [Theory]
    [MemberData(nameof(SafeChanges))]
    public void Safe_changes_have_no_blocking_hazard(string description, Change change, ClassificationContext context)
    {
        Assert.NotEmpty(description);
        RuleCheck.Safe(change, context);
    }

    public static TheoryData<string, Change, ClassificationContext> SafeChanges()
    {
        var orders = Tbl("orders", Col("id"), Col("user_id")).With(ForeignKey("orders_user_id_fkey", "user_id", "users"));
        var mood = new EnumType(Name("mood"), new[] { "sad", "happy" }.ToEquatableArray());
        var email = Users.FindColumn("email")!;
        var id = Users.FindColumn("id")!;
        var createOrders = new CreateTable(orders);
        return new()
        {
            { "create table", createOrders, Context(Db(Users), Db(Users, orders), [createOrders]) },
            { "inline foreign key of a new table", new AddConstraint(orders.Name, orders.Constraints[0]), Context(Db(Users), Db(Users, orders), [createOrders]) },
            { "index of a new table", new AddIndex(orders.Name, Idx("orders_user_id_idx", "orders", "user_id")), Context(Db(Users), Db(Users, orders), [createOrders]) },
            { "add nullable column", new AddColumn(Users.Name, Col("name", "text")), Context(Db(Users)) },
            { "add NOT NULL DEFAULT constant", new AddColumn(Users.Name, Col("active", "boolean", notNull: true, @default: "true")), Context(Db(Users)) },
            { "add column with stable default", new AddColumn(Users.Name, Col("created_at", "timestamp with time zone", @default: "now()", volatility: Volatility.Stable)), Context(Db(Users)) },
            { "widen varchar", new AlterColumn(Users.Name, email with { Type = "character varying(20)" }, email with { Type = "character varying(200)" }, ColumnChange.Type), Context(Db(Users)) },
            { "drop NOT NULL", new AlterColumn(Users.Name, id, id with { NotNull = false }, ColumnChange.Nullability), Context(Db(Users)) },
            { "set default", new AlterColumn(Users.Name, email, email with { Default = "''::text", DefaultVolatility = Volatility.Immutable }, ColumnChange.Default), Context(Db(Users)) },
            { "add enum value", new AddEnumValue(mood, mood with { Values = new[] { "sad", "ok", "happy" }.ToEquatableArray() }, "ok", "happy", null), Context(Db()) },
            { "add NOT VALID foreign key", new AddConstraint(orders.Name, ForeignKey("orders_user_id_fkey", "user_id", "users", validated: false)), Context(Db(Users, orders with { Constraints = EquatableArray<Constraint>.Empty })) },
            { "validate constraint", new ValidateConstraint(orders.Name, orders.Constraints[0]), Context(Db(Users, orders)) },
            { "drop constraint", new DropConstraint(orders.Name, orders.Constraints[0]), Context(Db(Users, orders)) },
            { "create schema", new CreateSchema(new Schema("archive", EquatableArray<string>.Empty)), Context(Db()) },
            { "comment", new SetComment("TABLE public.users", null, "people"), Context(Db(Users)) },
        };
    }
}

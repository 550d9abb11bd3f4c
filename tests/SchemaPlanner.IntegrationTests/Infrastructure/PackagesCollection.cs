using Xunit;

namespace SchemaPlanner.IntegrationTests.Infrastructure;

/// <summary>
/// Every test that builds or packs runs in this one collection: one pack per run, and one heavy build at a time.
/// </summary>
[CollectionDefinition(Name)]
public sealed class PackagesCollection : ICollectionFixture<PackagesFixture>
{
    public const string Name = "Packages";
}

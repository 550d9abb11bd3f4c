namespace SchemaPlanner.Planning.Deploy;

/// <summary>
/// A plan folder as <c>schemaplan apply</c> and <c>status</c> see it: plan.json's releases and ordered steps, the
/// schema fingerprints it goes from and to, and its own identity (<see cref="Fingerprint"/>, the SHA-256 of
/// plan.json) that the history in the target database is kept under.
/// </summary>
public sealed record PlanManifest(
    string Folder,
    string Fingerprint,
    string From,
    string To,
    IReadOnlyList<ReleaseManifest> Releases,
    IReadOnlyList<ManifestStep> Steps)
{
    /// <summary>The release with number <paramref name="number"/>, or null.</summary>
    public ReleaseManifest? Release(int number) => Releases.FirstOrDefault(r => r.Number == number);
}

using SchemaPlanner.Changes;
using SchemaPlanner.Model;

namespace SchemaPlanner.Diffing;

/// <summary>
/// Diffs views. A view is dropped and re-created when its query changes in a way OR REPLACE cannot express, or
/// when a relation it reads (transitively) changes shape; otherwise it is left alone or replaced in place.
/// </summary>
internal static class ViewDiffer
{
    public static void Diff(SchemaModel from, SchemaModel to, HashSet<QualifiedName> reshaped, List<Change> changes)
    {
        var recreate = new HashSet<QualifiedName>();
        var changedAny = true;
        // Propagate "must be re-created" through views reading re-created relations until nothing changes.
        while (changedAny)
        {
            changedAny = false;
            foreach (var view in from.Views)
            {
                if (recreate.Contains(view.Name))
                {
                    continue;
                }

                var desired = to.Views.FirstOrDefault(v => v.Name == view.Name);
                var mustRecreate = desired is null
                    || view.DependsOn.Any(d => reshaped.Contains(d) || recreate.Contains(d))
                    || view.Kind != desired.Kind
                    || (view.Definition != desired.Definition && !CanReplace(view, desired));
                if (mustRecreate)
                {
                    recreate.Add(view.Name);
                    changedAny = true;
                }
            }
        }

        // A view's triggers are dropped explicitly before it (so the down re-creates them) and a re-created view
        // gets the desired ones back below.
        foreach (var view in from.Views.Where(v => recreate.Contains(v.Name)))
        {
            changes.AddRange(view.Triggers.Select(t => new DropTrigger(view.Name, t)));
            changes.Add(new DropView(view));
        }

        foreach (var view in to.Views)
        {
            var old = from.Views.FirstOrDefault(v => v.Name == view.Name);
            if (old is null || recreate.Contains(view.Name))
            {
                AddCreate(view, changes);
                continue;
            }

            if (old.Definition != view.Definition)
            {
                changes.Add(new ReplaceView(old, view));
            }

            TableDiffer.DiffIndexes(view.Name, old.Indexes, view.Indexes, changes);
            TableDiffer.DiffTriggers(old.Name, view.Name, old.Triggers, view.Triggers, changes);
            if (old.Privileges != view.Privileges)
            {
                changes.Add(new ChangePrivileges("TABLE", view.Name.ToString(), old.Privileges, view.Privileges));
            }
        }
    }

    /// <summary>A view created from scratch: the view, its indexes (materialized only) and its grants.</summary>
    internal static void AddCreate(View view, List<Change> changes)
    {
        changes.Add(new CreateView(view));
        foreach (var index in view.Indexes)
        {
            changes.Add(new AddIndex(view.Name, index));
        }

        foreach (var trigger in view.Triggers)
        {
            changes.Add(new CreateTrigger(view.Name, trigger));
        }

        if (!view.Privileges.IsEmpty)
        {
            changes.Add(new ChangePrivileges("TABLE", view.Name.ToString(), EquatableArray<string>.Empty, view.Privileges));
        }
    }

    /// <summary>CREATE OR REPLACE VIEW may only append columns to a plain view.</summary>
    private static bool CanReplace(View old, View desired) =>
        old.Kind == ViewKind.View
        && desired.Columns.Count >= old.Columns.Count
        && desired.Columns.Take(old.Columns.Count).SequenceEqual(old.Columns);
}

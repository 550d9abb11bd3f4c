namespace SchemaPlanner.Planning;

/// <summary>
/// Orders the steps of one release so that none runs before a step adding a column it needs. Recipes order
/// their own steps, but the steps of two recipes meet only here: a trigger one recipe installs may read a column
/// another recipe adds (a split's old column kept filled from the new ones), and a trigger whose body names a
/// missing column fails every write of the app from the moment it exists.
/// </summary>
internal static class StepDependencies
{
    public static List<PlanStep> Order(List<PlanStep> steps)
    {
        var result = new List<PlanStep>(steps);
        for (var guard = 0; guard <= result.Count * result.Count; guard++)
        {
            if (!MoveOne(result))
            {
                return result;
            }
        }

        throw new InvalidOperationException("steps need columns in a cycle: " + string.Join(", ", result.Select(s => s.Name)));
    }

    /// <summary>Moves the first step that needs a column added later to just after the last step adding one.</summary>
    private static bool MoveOne(List<PlanStep> steps)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            if (step.NeedsColumns.Count == 0)
            {
                continue;
            }

            var last = steps.FindLastIndex(s => !ReferenceEquals(s, step) && s.AddsColumns.Any(step.NeedsColumns.Contains));
            if (last <= i)
            {
                continue;
            }

            if (steps[last].Phase != step.Phase)
            {
                throw new InvalidOperationException(
                    $"step {step.Name} ({step.Phase}) needs a column that step {steps[last].Name} adds only in {steps[last].Phase}");
            }

            steps.RemoveAt(i);
            steps.Insert(last, step);
            return true;
        }

        return false;
    }
}

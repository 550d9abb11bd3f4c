namespace SchemaPlanner.Templates; internal static class Placeholder { }

namespace SchemaPlanner.Planning.Templates;

/// <summary>
/// The data of one SQL template. Each implementing record has exactly one template, found by the record's type
/// (<c>SchemaPlanner.Templates.SqlTemplates</c>); a test checks that every such record has one and every template
/// a record.
/// </summary>
public interface ITemplateData;

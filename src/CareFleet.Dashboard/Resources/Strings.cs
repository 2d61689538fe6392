namespace CareFleet.Dashboard.Resources;

/// <summary>The dashboard's texts (Strings.resx, Strings.zh-Hans.resx); used as <c>IStringLocalizer&lt;Strings&gt;</c>.</summary>
public sealed class Strings;

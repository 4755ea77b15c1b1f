using System.Resources;

[assembly: NeutralResourcesLanguage("ko")]

namespace EPoomasi.WebConsole;

/// <summary>
/// Every text a person reads in the console, Korean first (Texts.resx) and English (Texts.en.resx), through
/// <c>IStringLocalizer&lt;Texts&gt;</c>. The reader's language is a cookie set by the language link; Korean by default.
/// </summary>
public sealed class Texts;

using ScottPlot;

namespace EPoomasi.Presentation.Reports;

/// <summary>
/// Charts of reports as files, drawn by ScottPlot: SVG to keep, PNG to attach to an e-mail. Labels are Korean
/// first, so the chart uses a CJK font when the machine has one (Debian: fonts-noto-cjk).
/// </summary>
public static class Chart
{
    private const int Width = 1000;
    private const int Height = 560;

    private static readonly string[] CjkFonts =
    [
        "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
        "/usr/share/fonts/opentype/noto/NotoSansCJKkr-Regular.otf",
        "/usr/share/fonts/truetype/nanum/NanumGothic.ttf",
        "/System/Library/Fonts/AppleSDGothicNeo.ttc",
        "C:/Windows/Fonts/malgun.ttf",
    ];

    private const string FontName = "e-poomasi CJK";
    private static readonly Lazy<bool> HasCjkFont = new(() =>
    {
        if (CjkFonts.FirstOrDefault(File.Exists) is not { } path) return false;
        Fonts.AddFontFile(FontName, path);
        return true;
    });

    /// <summary>Bars stacked per category, one stack per label along the bottom (months, say).</summary>
    public static Plot StackedBars(string title, string yLabel, IReadOnlyList<string> labels, IReadOnlyList<(string Series, double[] Values)> series)
    {
        var plot = NewPlot(title, yLabel);
        var palette = new ScottPlot.Palettes.Category10();
        var bases = new double[labels.Count];
        for (var s = 0; s < series.Count; s++)
        {
            var color = palette.GetColor(s);
            var bars = series[s].Values.Select((value, i) => new Bar { Position = i, ValueBase = bases[i], Value = bases[i] + value, FillColor = color }).ToList();
            for (var i = 0; i < bases.Length; i++) bases[i] += series[s].Values[i];
            plot.Add.Bars(bars);
            plot.Legend.ManualItems.Add(new LegendItem { LabelText = series[s].Series, FillColor = color });
        }

        plot.Legend.IsVisible = series.Count > 0;
        return Finish(plot, labels);
    }

    /// <summary>One bar per label.</summary>
    public static Plot Bars(string title, string yLabel, IReadOnlyList<string> labels, IReadOnlyList<double> values)
    {
        var plot = NewPlot(title, yLabel);
        var color = new ScottPlot.Palettes.Category10().GetColor(0);
        plot.Add.Bars(values.Select((value, i) => new Bar { Position = i, Value = value, FillColor = color, Label = value.ToString("N0", System.Globalization.CultureInfo.InvariantCulture) }).ToList());
        return Finish(plot, labels);
    }

    /// <summary>The chart as a file: PNG when <paramref name="path"/> ends in .png, SVG otherwise.</summary>
    public static void Save(Plot plot, string path)
    {
        if (Path.GetExtension(path).Equals(".png", StringComparison.OrdinalIgnoreCase)) plot.SavePng(path, Width, Height);
        else plot.SaveSvg(path, Width, Height);
    }

    /// <summary>The chart as SVG text, to show in a page.</summary>
    public static string Svg(Plot plot) => plot.GetSvgXml(Width, Height);

    /// <summary>Whether <paramref name="path"/> names a chart file this can write; the message says what it takes otherwise.</summary>
    public static string? Problem(string path) =>
        Path.GetExtension(path).ToLowerInvariant() is ".svg" or ".png" ? null : $"--chart: '{path}'은(는) .svg 또는 .png 파일이어야 합니다 / must end in .svg or .png.";

    private static Plot NewPlot(string title, string yLabel)
    {
        var plot = new Plot();
        if (HasCjkFont.Value) plot.Font.Set(FontName);
        plot.Title(title);
        plot.YLabel(yLabel);
        return plot;
    }

    private static Plot Finish(Plot plot, IReadOnlyList<string> labels)
    {
        plot.Axes.Bottom.SetTicks(labels.Select((_, i) => (double)i).ToArray(), labels.ToArray());
        plot.Axes.Margins(bottom: 0);
        return plot;
    }
}

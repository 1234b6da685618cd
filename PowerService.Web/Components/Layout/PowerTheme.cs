using MudBlazor;

namespace PowerService.Web.Components.Layout;

/// <summary>State Grid green as the primary colour; system CJK fonts (no web fonts: the network is closed).</summary>
public static class PowerTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#00706B",
            Secondary = "#546E7A",
            AppbarBackground = "#00706B",
            Background = "#F5F7F7",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography
            {
                FontFamily = ["PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", "sans-serif"],
            },
        },
    };
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Palette, fonts and named metrics (see hl-style.h). */
#include "config.h"

#include <glib/gi18n.h>
#include <gio/gio.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "hl-chart.h"
#include "hl-style.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, Sans"

/* Okabe–Ito hues, safe for the common colour-vision deficiencies. The
 * reddish purple comes late: the running total's line is of that hue. */
static const guint32 default_lane_colors[] = { 0xD55E00, 0x0072B2, 0x009E73, 0xE69F00,
                                               0x56B4E9, 0xF0E442, 0xCC79A7, 0x000000 };

static HlRgba
rgb (guint32 hex)
{
  return (HlRgba) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                    (hex & 0xff) / 255.0, 1.0 };
}

HlRgba
hl_rgba_with_alpha (HlRgba c, double a)
{
  c.a = a;
  return c;
}

HlRgba
hl_rgba_mix (HlRgba a, HlRgba b, double t)
{
  return (HlRgba) { a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t,
                    a.a + (b.a - a.a) * t };
}

void
hl_rgba_set_source (cairo_t *cr, HlRgba c)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, c.a);
}

/* Kinds stacked in a count bin (issue 10) are told apart by their shape's
 * step from the lane colour toward the background, and every other step
 * striped with the lane colour (a stripe every @stripe_period rows; 0:
 * solid). The steps' mean lightness differs by at least 0.15 of the way
 * to the background between any two, and the two closest differ in
 * texture: they read apart without hue, in grey print and for
 * colour-blind readers, in light and dark. Returns the fill's step. */
double
hl_style_kind_step (HlShape shape, guint *stripe_period)
{
  static const struct { double t; guint period; } steps[HL_N_SHAPES] = {
    [HL_SHAPE_TRIANGLE] = { 0.0, 0 },    /* mean 0 */
    [HL_SHAPE_DIAMOND] = { 0.6, 0 },     /* mean 0.6 */
    [HL_SHAPE_CIRCLE] = { 0.3, 3 },      /* mean 0.2 */
    [HL_SHAPE_SQUARE] = { 0.9, 2 },      /* mean 0.45 */
  };

  g_return_val_if_fail (shape < HL_N_SHAPES, 0);
  *stripe_period = steps[shape].period;
  return steps[shape].t;
}

/* The fill of a kind of @shape in @color (see above); returns its stripes'
 * period (0: solid). */
static guint
set_kind_source (cairo_t *cr, const HlStyle *style, HlRgba color, HlShape shape)
{
  guint period;
  double t = hl_style_kind_step (shape, &period);
  /* Toward the background reads as less ink on white; on a dark canvas
   * it sank into it (a cruise missile 2.3:1 on #1E1E1E), so there the
   * steps go toward the text's colour, lighter and clear of it. */
  HlRgba toward = style->roles[style->dark ? HL_ROLE_FG : HL_ROLE_BG];

  /* on a transparent canvas, toward no colour at all */
  hl_rgba_set_source (cr, style->transparent ? hl_rgba_with_alpha (color, color.a * (1 - t))
                                             : hl_rgba_mix (color, hl_rgba_with_alpha (toward, color.a),
                                                            t));
  return period;
}

/* Fills the current path as a kind of @shape in @color (see above). */
void
hl_style_fill_kind (cairo_t *cr, const HlStyle *style, HlRgba color, HlShape shape)
{
  guint period;
  double x0, y0, x1, y1;

  g_return_if_fail (cr != NULL && style != NULL);

  period = set_kind_source (cr, style, color, shape);
  if (period == 0)
    {
      cairo_fill (cr);
      return;
    }
  cairo_save (cr);
  cairo_fill_preserve (cr);
  cairo_clip (cr);
  cairo_clip_extents (cr, &x0, &y0, &x1, &y1);
  /* whole rows from the top, so that the first row of a bar is a stripe */
  for (double y = floor (y0); y < y1; y += period)
    cairo_rectangle (cr, floor (x0), y, ceil (x1) - floor (x0), 1);
  hl_rgba_set_source (cr, color);
  cairo_fill (cr);
  cairo_restore (cr);
}

/* hl_style_fill_kind() of @box, the same pixels with no clip: the stripes
 * are cut to the box. A count bin's segments are boxes, and a clip for
 * each made cairo build a mask for each, in the recording and again in
 * its replay. */
void
hl_style_fill_kind_box (cairo_t *cr, const HlStyle *style, HlRgba color, HlShape shape,
                        const HlBox *box)
{
  guint period;
  double y1;

  g_return_if_fail (cr != NULL && style != NULL && box != NULL);

  period = set_kind_source (cr, style, color, shape);
  cairo_rectangle (cr, box->x, box->y, box->width, box->height);
  cairo_fill (cr);
  if (period == 0)
    return;
  y1 = box->y + box->height;
  for (double y = floor (box->y); y < y1; y += period)
    {
      double top = MAX (y, box->y), bottom = MIN (y + 1, y1);

      if (bottom > top)
        cairo_rectangle (cr, box->x, top, box->width, bottom - top);
    }
  hl_rgba_set_source (cr, color);
  cairo_fill (cr);
}

static gboolean
color_taken (HlDataset *dataset, guint lane, const guint32 *given, guint32 color)
{
  guint n = hl_dataset_get_n_lanes (dataset);

  /* another lane's own colour, or a default an earlier lane was given */
  for (guint i = 0; i < n; i++)
    {
      const HlLane *l = hl_dataset_get_lane (dataset, i);

      if (i != lane && l->has_color && l->color == color)
        return TRUE;
      if (i < lane && !l->has_color && given[i] == color)
        return TRUE;
    }
  return FALSE;
}

/* A lane's colour as 0xRRGGBB: its own, or the first default hue that no
 * other lane has, so that a lane added without a colour does not look
 * like one that has it. With every hue taken, hues repeat by position. */
guint32
hl_style_lane_color (HlDataset *dataset, guint lane)
{
  guint32 given[HL_VIEW_MAX_LANES];

  g_return_val_if_fail (HL_IS_DATASET (dataset), 0);
  g_return_val_if_fail (lane < hl_dataset_get_n_lanes (dataset), 0);
  g_return_val_if_fail (lane < HL_VIEW_MAX_LANES, 0);

  for (guint i = 0; i <= lane; i++)
    {
      const HlLane *l = hl_dataset_get_lane (dataset, i);
      guint k;

      if (l->has_color)
        {
          given[i] = l->color;
          continue;
        }
      for (k = 0; k < G_N_ELEMENTS (default_lane_colors); k++)
        if (!color_taken (dataset, i, given, default_lane_colors[k]))
          break;
      given[i] = default_lane_colors[k < G_N_ELEMENTS (default_lane_colors)
                                     ? k : i % G_N_ELEMENTS (default_lane_colors)];
    }
  return given[lane];
}

static void
set_light_roles (HlRgba *roles)
{
  roles[HL_ROLE_BG] = rgb (0xffffff);
  roles[HL_ROLE_FG] = rgb (0x1f1f1f);
  roles[HL_ROLE_MUTED] = rgb (0x5e5e5e);
  roles[HL_ROLE_GRID] = hl_rgba_with_alpha (rgb (0x000000), 0.09);
  roles[HL_ROLE_AXIS] = rgb (0x6e6e6e);
  roles[HL_ROLE_BAND] = hl_rgba_with_alpha (rgb (0x3b5998), 0.06);
  roles[HL_ROLE_BAND_TEXT] = rgb (0x4c5a78);
  roles[HL_ROLE_CUMULATIVE] = rgb (0xAA4E8A);
  roles[HL_ROLE_MATCH] = rgb (0xB8860B);
  roles[HL_ROLE_CARD] = rgb (0xffffff);
  roles[HL_ROLE_CARD_BORDER] = hl_rgba_with_alpha (rgb (0x000000), 0.22);
}

static void
set_dark_roles (HlRgba *roles)
{
  roles[HL_ROLE_BG] = rgb (0x1e1e1e);
  roles[HL_ROLE_FG] = rgb (0xf2f2f2);
  roles[HL_ROLE_MUTED] = rgb (0xb0b0b0);
  roles[HL_ROLE_GRID] = hl_rgba_with_alpha (rgb (0xffffff), 0.10);
  roles[HL_ROLE_AXIS] = rgb (0x9a9a9a);
  roles[HL_ROLE_BAND] = hl_rgba_with_alpha (rgb (0xffffff), 0.05);
  roles[HL_ROLE_BAND_TEXT] = rgb (0xa8a8a8);
  roles[HL_ROLE_CUMULATIVE] = rgb (0xE58FC4);
  roles[HL_ROLE_MATCH] = rgb (0xF0E442);
  roles[HL_ROLE_CARD] = rgb (0x303030);
  roles[HL_ROLE_CARD_BORDER] = hl_rgba_with_alpha (rgb (0xffffff), 0.25);
}

static void
setup_palette (HlStyle *style, HlDataset *dataset, HlTheme theme)
{
  gboolean dark = theme == HL_THEME_DARK;
  guint n = MIN (hl_dataset_get_n_lanes (dataset), HL_VIEW_MAX_LANES);

  style->transparent = theme == HL_THEME_TRANSPARENT;
  style->dark = dark;
  if (dark)
    set_dark_roles (style->roles);
  else
    set_light_roles (style->roles);
  if (style->transparent)
    {
      /* No background of our own: the slide's may be a tint or a photo,
       * so secondary text and lines are darker than on white. */
      style->roles[HL_ROLE_MUTED] = rgb (0x3a3a3a);
      style->roles[HL_ROLE_AXIS] = rgb (0x4a4a4a);
      style->roles[HL_ROLE_BAND_TEXT] = rgb (0x2e3a55);
      style->roles[HL_ROLE_GRID] = hl_rgba_with_alpha (rgb (0x000000), 0.14);
    }

  for (guint i = 0; i < n; i++)
    {
      HlRgba c = rgb (hl_style_lane_color (dataset, i));

      /* Dark hues lose contrast on a dark background: lift them. */
      if (dark)
        c = hl_rgba_mix (c, rgb (0xffffff), 0.30);
      style->lane_colors[i] = c;
    }
}

/* Every spacing of the chart, from the size factor @s. */
void
hl_metrics_init (HlMetrics *m, double s)
{
  g_return_if_fail (m != NULL);

  m->s = s;
  m->margin = MAX (10.0, 36 * s);
  m->line = MAX (1, s);

  m->subtitle_gap = 4 * s;
  m->header_gap = 14 * s;
  m->legend_gap = 26 * s;
  m->swatch = 14 * s;
  m->swatch_gap = 6 * s;
  m->legend_bottom = 12 * s;
  m->footnote_gap = 10 * s;

  m->gutter_pad = 12 * s;
  m->gutter_bare = 6 * s;
  m->scale_gap = 8 * s;
  m->right_scale_gap = 6 * s;
  m->plot_pad = 6 * s;
  m->lane_gap = 14 * s;
  m->lane_title_inset = 4 * s;
  m->tick = 6 * s;
  m->tick_label_gap = 2 * s;
  m->context_inset = 3 * s;
  m->period_inset = 4 * s;
  m->period_label_min = 60 * s;

  m->bar_width = MAX (3.0, 11 * s);
  m->bar_top_room = 10 * s;
  m->marker = MAX (10.0, 15 * s);
  m->count_gap = 2 * s;
  m->count_room = 3 * s;
  m->amount_gap = 4 * s;
  m->marker_label_gap = MAX (2.0, 3 * s);
  m->marker_side_gap = MAX (3.5, 5 * s);
  m->label_pad = MAX (3.0, 4 * s);
  m->line_cut_pad = MAX (1.0, 2 * s);
  m->mark_stroke = MAX (1.0, 1.6 * s);
  m->match_pad = 3 * s;
  m->match_stroke = MAX (1.5, 2.5 * s);
  m->cumulative_stroke = MAX (1.5, 2.5 * s);

  m->select_pad = 4 * s;
  m->select_stroke = MAX (2, 2.5 * s);
  m->select_radius = 3 * s;
  m->hover_stroke = MAX (1, 1.5 * s);
  m->hit_slop = MAX (4, 5 * s);
  m->card_pad = 10 * s;
  m->card_gap = 12 * s;
  m->card_radius = 6 * s;
  m->card_title_gap = 4 * s;
  m->card_max_width = 420 * MAX (s, 0.75);
}

PangoFontDescription *
hl_style_make_font (double px, gboolean bold)
{
  PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (desc, px * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  return desc;
}

/* The style of a @width x @height chart of @dataset in @view's theme. */
void
hl_style_init (HlStyle *style, HlDataset *dataset, const HlView *view, int width, int height)
{
  double s;

  g_return_if_fail (style != NULL);
  g_return_if_fail (HL_IS_DATASET (dataset));
  g_return_if_fail (view != NULL);

  memset (style, 0, sizeof *style);
  s = CLAMP (MIN (width / 1920.0, height / 1080.0), 0.3, 6.0);
  hl_metrics_init (&style->metrics, s);
  setup_palette (style, dataset, view->theme);

  /* Text shrinks with the canvas but not below what reads comfortably in
   * a window or on a small slide (GNOME's body text is about 14.7 px). */
  style->font_title = hl_style_make_font (MAX (18, 34 * s), TRUE);
  style->font_subtitle = hl_style_make_font (MAX (13, 20 * s), FALSE);
  style->font_label = hl_style_make_font (MAX (12.5, 17 * s), FALSE);
  style->font_label_bold = hl_style_make_font (MAX (12.5, 17 * s), TRUE);
  style->font_small = hl_style_make_font (MAX (11, 14.5 * s), FALSE);
}

void
hl_style_clear (HlStyle *style)
{
  g_return_if_fail (style != NULL);

  g_clear_pointer (&style->font_title, pango_font_description_free);
  g_clear_pointer (&style->font_subtitle, pango_font_description_free);
  g_clear_pointer (&style->font_label, pango_font_description_free);
  g_clear_pointer (&style->font_label_bold, pango_font_description_free);
  g_clear_pointer (&style->font_small, pango_font_description_free);
}

/* Whether the chart's text can be drawn at all: FALSE, with an error that
 * names the font packages, when no installed font has a glyph for "A"
 * (no fonts, or a FONTCONFIG_FILE that finds none): every label would be
 * an empty box. A font without some script (Hangul, say) is not this. */
gboolean
hl_chart_check_fonts (GError **error)
{
  PangoFontMap *map = pango_cairo_font_map_get_default ();
  PangoContext *context;
  g_autoptr(PangoFontDescription) desc = NULL;
  PangoFont *font;
  PangoFontFamily **families = NULL;
  int n_families = 0;
  gboolean ok = FALSE;

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  pango_font_map_list_families (map, &families, &n_families);
  g_free (families);
  context = pango_font_map_create_context (map);
  desc = hl_style_make_font (14, FALSE);
  font = n_families > 0 ? pango_font_map_load_font (map, context, desc) : NULL;
  if (font != NULL)
    {
      PangoLayout *layout = pango_layout_new (context);

      pango_layout_set_font_description (layout, desc);
      pango_layout_set_text (layout, "A", -1);
      ok = pango_layout_get_unknown_glyphs_count (layout) == 0;
      g_object_unref (layout);
      g_object_unref (font);
    }
  g_object_unref (context);
  if (ok)
    return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
               /* TRANSLATORS: the names are Debian packages */
               _("No usable font is installed: the chart's text would be drawn as empty "
                 "boxes. Install the fonts-cantarell or fonts-dejavu-core package."));
  return FALSE;
}

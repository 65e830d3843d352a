/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The one renderer: lays a dataset out for a view and a size, then draws
 * that layout onto any cairo_t. Layout is done once per data, view or size
 * change; drawing replays a display list; hover and selection are drawn
 * over it. Level of detail: events are binned per pixel column, so the cost
 * grows with the width, not the number of events, and a column's bar is the
 * sum of its events, so nothing small disappears and totals are kept. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#include "hl-chart.h"
#include "hl-columns.h"
#include "hl-describe.h"
#include "hl-date.h"
#include "hl-scale.h"

#define FONT_FAMILY "Cantarell, DejaVu Sans, Sans"

typedef enum
{
  ROLE_BG,
  ROLE_FG,
  ROLE_MUTED,
  ROLE_GRID,
  ROLE_AXIS,
  ROLE_BAND,
  ROLE_BAND_TEXT,
  ROLE_CUMULATIVE,
  ROLE_MATCH,
  ROLE_CARD,
  ROLE_CARD_BORDER,
  N_ROLES
} Role;

typedef struct
{
  double r, g, b, a;
} Rgba;

typedef enum
{
  SHAPE_BAR,
  SHAPE_TRIANGLE,
  SHAPE_DIAMOND,
  SHAPE_CIRCLE,
  SHAPE_SQUARE,
  SHAPE_LINE,         /* legend only: a stroke */
} Shape;

typedef struct
{
  HlBox  box;         /* bars: the bar; markers: the marker's square */
  int    event;       /* the event it stands for (the largest of a column) */
  guint  lane;
  guint  n_events;    /* > 1: an aggregated column */
  Shape  shape;
  guint  hollow : 1;  /* failed launch */
  guint  dashed : 1;  /* suspected or disputed attribution */
  guint  match : 1;   /* matches the search */
} Mark;

typedef struct
{
  HlBox        box;
  PangoLayout *layout;
  Role         role;
  int          lane;  /* >= 0: drawn in the lane's colour */
  gboolean     halo;  /* in the plot: gridlines stop short of it */
} Text;

typedef struct
{
  double x0, y0, x1, y1;
  Role   role;
  double width;
  gboolean dashed;
} Line;

typedef struct
{
  HlBox box;
  Role  role;
  int   lane;         /* >= 0: a lane swatch */
  Shape shape;
  gboolean hollow;
  gboolean dashed;
} Swatch;

typedef struct
{
  HlBox  band;        /* the lane's whole band */
  HlBox  content;     /* where its marks go */
  double base;        /* bars stand on this y */
  double top;         /* and reach up to this y at the axis maximum */
  double usd_max;
  double count_max;
  gboolean aggregated;
  gboolean has_header;  /* the band has room for the lane's title */
} LaneLayout;

typedef struct
{
  gboolean ready;
  double   advance[128];  /* each ASCII character's width on its own */
  double   line_h;        /* a line's height */
} TextEstimate;

#define MAX_KIND_GROUPS 16

typedef struct
{
  const char *label;
  HlShape     shape;
} KindGroup;

/* What the lanes draw, found from the columns before they are laid out,
 * so that the legend lists that and nothing else. */
typedef struct
{
  KindGroup kinds[MAX_KIND_GROUPS];  /* (label, shape) of the kinds marked */
  guint     n_kinds;
  guint     failed_shapes;           /* bit per HlShape drawn hollow */
  gboolean  doubtful;                /* a hatched bar */
  guint32   lanes_counted;           /* lanes with a "×N" beside a marker */
  guint32   lanes_undisclosed;       /* lanes with a "×?" */
  gboolean  cumulative;              /* the running-total line */
} Drawn;

struct _HlChart
{
  gatomicrefcount ref_count;

  HlDataset   *dataset;
  HlView       view;
  int          width;
  int          height;
  double       s;            /* size factor: 1 at 1920x1080 */

  Rgba         roles[N_ROLES];
  Rgba         lane_colors[HL_DATASET_MAX_LANES];
  gboolean     transparent;

  HlTextCache          *cache;
  PangoContext         *pango;      /* the cache's */
  PangoFontDescription *font_title;
  PangoFontDescription *font_subtitle;
  PangoFontDescription *font_label;
  PangoFontDescription *font_label_bold;
  PangoFontDescription *font_small;

  HlBox        plot;
  LaneLayout   lanes[HL_DATASET_MAX_LANES];

  GArray      *marks;        /* Mark */
  GArray      *texts;        /* Text */
  GArray      *lines;        /* Line */
  GArray      *rects;        /* Swatch: bands and legend swatches */
  GArray      *cumulative;   /* double x, y pairs */
  GArray      *text_boxes;   /* HlBox, parallel to texts */

  /* The view's numbers, summed once per plot width: every lane's marks,
   * the subtitle and the running total read the same columns. */
  HlColumns    *columns;
  Drawn         drawn;

  guint         dropped;     /* Drop: parts left out for want of room */

  /* Lower bounds of label sizes, to skip shaping labels that cannot fit
   * (see label_may_fit()): for font_label and font_small. */
  TextEstimate  est_label;
  TextEstimate  est_small;
};

/* On a small canvas the plot comes first: these parts go, in this order,
 * until the lanes have room. */
typedef enum
{
  DROP_FOOTNOTE = 1 << 0,
  DROP_LEGEND   = 1 << 1,
  DROP_SUBTITLE = 1 << 2,
  DROP_PERIODS  = 1 << 3,
  DROP_TITLE    = 1 << 4,
  DROP_ALL      = (1 << 5) - 1,
} Drop;

G_DEFINE_BOXED_TYPE (HlChart, hl_chart, hl_chart_ref, hl_chart_unref)

/* ------------------------------------------------------------------ */
/* Colours: Okabe–Ito hues, safe for the common colour-vision deficiencies. */

static Rgba
rgb (guint32 hex)
{
  return (Rgba) { ((hex >> 16) & 0xff) / 255.0, ((hex >> 8) & 0xff) / 255.0,
                  (hex & 0xff) / 255.0, 1.0 };
}

static Rgba
with_alpha (Rgba c, double a)
{
  c.a = a;
  return c;
}

static Rgba
mix (Rgba a, Rgba b, double t)
{
  return (Rgba) { a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t,
                  a.a + (b.a - a.a) * t };
}

static const guint32 default_lane_colors[] = { 0xD55E00, 0x0072B2, 0x009E73, 0xCC79A7,
                                               0xE69F00, 0x56B4E9, 0xF0E442, 0x000000 };

static void
setup_palette (HlChart *self)
{
  gboolean dark = self->view.theme == HL_THEME_DARK;
  guint n = hl_dataset_get_n_lanes (self->dataset);

  self->transparent = self->view.theme == HL_THEME_TRANSPARENT;
  if (dark)
    {
      self->roles[ROLE_BG] = rgb (0x1e1e1e);
      self->roles[ROLE_FG] = rgb (0xf2f2f2);
      self->roles[ROLE_MUTED] = rgb (0xb0b0b0);
      self->roles[ROLE_GRID] = with_alpha (rgb (0xffffff), 0.10);
      self->roles[ROLE_AXIS] = rgb (0x9a9a9a);
      self->roles[ROLE_BAND] = with_alpha (rgb (0xffffff), 0.05);
      self->roles[ROLE_BAND_TEXT] = rgb (0xa8a8a8);
      self->roles[ROLE_CUMULATIVE] = rgb (0xE58FC4);
      self->roles[ROLE_MATCH] = rgb (0xF0E442);
      self->roles[ROLE_CARD] = rgb (0x303030);
      self->roles[ROLE_CARD_BORDER] = with_alpha (rgb (0xffffff), 0.25);
    }
  else
    {
      self->roles[ROLE_BG] = rgb (0xffffff);
      self->roles[ROLE_FG] = rgb (0x1f1f1f);
      self->roles[ROLE_MUTED] = rgb (0x5e5e5e);
      self->roles[ROLE_GRID] = with_alpha (rgb (0x000000), 0.09);
      self->roles[ROLE_AXIS] = rgb (0x6e6e6e);
      self->roles[ROLE_BAND] = with_alpha (rgb (0x3b5998), 0.06);
      self->roles[ROLE_BAND_TEXT] = rgb (0x4c5a78);
      self->roles[ROLE_CUMULATIVE] = rgb (0xAA4E8A);
      self->roles[ROLE_MATCH] = rgb (0xB8860B);
      self->roles[ROLE_CARD] = rgb (0xffffff);
      self->roles[ROLE_CARD_BORDER] = with_alpha (rgb (0x000000), 0.22);
    }
  if (self->transparent)
    {
      /* No background of our own: the slide's may be a tint or a photo,
       * so secondary text and lines are darker than on white. */
      self->roles[ROLE_MUTED] = rgb (0x3a3a3a);
      self->roles[ROLE_AXIS] = rgb (0x4a4a4a);
      self->roles[ROLE_BAND_TEXT] = rgb (0x2e3a55);
      self->roles[ROLE_GRID] = with_alpha (rgb (0x000000), 0.14);
    }

  for (guint i = 0; i < n && i < HL_DATASET_MAX_LANES; i++)
    {
      const HlLane *lane = hl_dataset_get_lane (self->dataset, i);
      Rgba c = rgb (lane->has_color ? lane->color
                                    : default_lane_colors[i % G_N_ELEMENTS (default_lane_colors)]);

      /* Dark hues lose contrast on a dark background: lift them. */
      if (dark)
        c = mix (c, rgb (0xffffff), 0.30);
      self->lane_colors[i] = c;
    }
}

static void
set_source (cairo_t *cr, Rgba c)
{
  cairo_set_source_rgba (cr, c.r, c.g, c.b, c.a);
}

/* ------------------------------------------------------------------ */
/* Text */

static PangoFontDescription *
make_font (double px, gboolean bold)
{
  PangoFontDescription *desc = pango_font_description_from_string (FONT_FAMILY);

  pango_font_description_set_absolute_size (desc, px * PANGO_SCALE);
  if (bold)
    pango_font_description_set_weight (desc, PANGO_WEIGHT_BOLD);
  return desc;
}

static PangoLayout *
make_layout (HlChart *self, const PangoFontDescription *font, const char *text)
{
  PangoLayout *layout = pango_layout_new (self->pango);

  pango_layout_set_font_description (layout, font);
  /* Dataset text is shown as text: never parsed as markup. */
  pango_layout_set_text (layout, text, -1);
  return layout;
}

/* A layout of @text in @font, aligned, from the chart's text cache: the
 * caller must not change it. */
static PangoLayout *
shared_layout_aligned (HlChart                    *self,
                       const PangoFontDescription *font,
                       const char                 *text,
                       PangoAlignment              alignment)
{
  return hl_text_cache_get (self->cache, font, text, alignment);
}

/* A layout of @text in @font that the caller must not change. */
static PangoLayout *
shared_layout (HlChart *self, const PangoFontDescription *font, const char *text)
{
  return shared_layout_aligned (self, font, text, PANGO_ALIGN_LEFT);
}

static void
layout_size (PangoLayout *layout, double *w, double *h)
{
  PangoRectangle logical;

  pango_layout_get_extents (layout, NULL, &logical);
  *w = (double) logical.width / PANGO_SCALE;
  *h = (double) logical.height / PANGO_SCALE;
}

/* Places a text whose top-left is at (x, y); takes the layout. */
static void
add_text (HlChart *self, PangoLayout *layout, double x, double y, Role role, int lane)
{
  Text t = { { x, y, 0, 0 }, layout, role, lane, FALSE };

  layout_size (layout, &t.box.width, &t.box.height);
  g_array_append_val (self->texts, t);
  g_array_append_val (self->text_boxes, t.box);
}

static gboolean
boxes_overlap (const HlBox *a, const HlBox *b)
{
  return a->x < b->x + b->width && b->x < a->x + a->width &&
         a->y < b->y + b->height && b->y < a->y + a->height;
}

static gboolean
box_inside (const HlBox *inner, const HlBox *outer)
{
  return inner->x >= outer->x - 0.01 && inner->y >= outer->y - 0.01 &&
         inner->x + inner->width <= outer->x + outer->width + 0.01 &&
         inner->y + inner->height <= outer->y + outer->height + 0.01;
}

/* Does @box collide with any text placed so far, or any mark? */
static gboolean
collides (HlChart *self, const HlBox *box, guint first_text, int ignore_event)
{
  for (guint i = first_text; i < self->texts->len; i++)
    if (boxes_overlap (box, &g_array_index (self->texts, Text, i).box))
      return TRUE;
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *m = &g_array_index (self->marks, Mark, i);

      if (m->event != ignore_event && boxes_overlap (box, &m->box))
        return TRUE;
    }
  return FALSE;
}

/* Same, keeping @text_pad from other texts side by side (a text's box
 * already holds the space between lines) and @mark_pad from marks. */
static gboolean
collides_padded (HlChart *self, const HlBox *box, double text_pad, double mark_pad,
                 int ignore_event)
{
  HlBox t = { box->x - text_pad, box->y, box->width + 2 * text_pad, box->height };
  HlBox m = { box->x - mark_pad, box->y - mark_pad, box->width + 2 * mark_pad,
              box->height + 2 * mark_pad };

  for (guint i = 0; i < self->texts->len; i++)
    if (boxes_overlap (&t, &g_array_index (self->texts, Text, i).box))
      return TRUE;
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mk = &g_array_index (self->marks, Mark, i);

      if (mk->event != ignore_event && boxes_overlap (&m, &mk->box))
        return TRUE;
    }
  return FALSE;
}

/* ------------------------------------------------------------------ */

HlChart *
hl_chart_ref (HlChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_atomic_ref_count_inc (&self->ref_count);
  return self;
}

void
hl_chart_unref (HlChart *self)
{
  g_return_if_fail (self != NULL);

  if (!g_atomic_ref_count_dec (&self->ref_count))
    return;

  for (guint i = 0; i < self->texts->len; i++)
    g_object_unref (g_array_index (self->texts, Text, i).layout);
  g_array_unref (self->texts);
  g_array_unref (self->text_boxes);
  g_array_unref (self->marks);
  g_array_unref (self->lines);
  g_array_unref (self->rects);
  g_array_unref (self->cumulative);
  hl_columns_free (self->columns);
  pango_font_description_free (self->font_title);
  pango_font_description_free (self->font_subtitle);
  pango_font_description_free (self->font_label);
  pango_font_description_free (self->font_label_bold);
  pango_font_description_free (self->font_small);
  g_object_unref (self->pango);
  hl_text_cache_unref (self->cache);
  hl_view_clear (&self->view);
  g_object_unref (self->dataset);
  g_free (self);
}

double
hl_chart_time_to_x (HlChart *self, gint64 time)
{
  double span = (double) (self->view.to - self->view.from);

  return self->plot.x + (double) (time - self->view.from) / span * self->plot.width;
}

gint64
hl_chart_x_to_time (HlChart *self, double x)
{
  double span = (double) (self->view.to - self->view.from);

  return self->view.from + (gint64) llround ((x - self->plot.x) / self->plot.width * span);
}

static Shape
shape_of_kind (const HlKind *kind)
{
  switch (kind->shape)
    {
    case HL_SHAPE_TRIANGLE:
      return SHAPE_TRIANGLE;
    case HL_SHAPE_DIAMOND:
      return SHAPE_DIAMOND;
    case HL_SHAPE_CIRCLE:
      return SHAPE_CIRCLE;
    case HL_SHAPE_SQUARE:
    case HL_N_SHAPES:
    default:
      return SHAPE_SQUARE;
    }
}

static gboolean
is_failure (const HlEvent *ev)
{
  return ev->outcome != NULL && g_ascii_strncasecmp (ev->outcome, "fail", 4) == 0;
}

/* ------------------------------------------------------------------ */
/* Header: title, subtitle, legend */

typedef struct
{
  const char *text;
  Shape       shape;
  int         lane;     /* >= 0 a lane's colour, -1 neutral, -2 no swatch,
                         * -3 the cumulative line's colour */
  gboolean    hollow;
  gboolean    dashed;
} LegendEntry;

#define MAX_LEGEND_ENTRIES (HL_DATASET_MAX_LANES + MAX_KIND_GROUPS + 8)

static int
shape_order (HlShape shape)
{
  /* the plain square last: it is what kinds nobody described get */
  return shape == HL_SHAPE_SQUARE ? HL_N_SHAPES : (int) shape;
}

static int
compare_kind_groups (gconstpointer a, gconstpointer b)
{
  const KindGroup *ka = a, *kb = b;

  if (ka->shape != kb->shape)
    return shape_order (ka->shape) - shape_order (kb->shape);
  return g_utf8_collate (ka->label, kb->label);
}

/* "×N Missiles or rockets", "×N items": what the numbers beside markers
 * count, for each lane that shows some; "×? not disclosed" once. */
static void
count_notes (HlChart *self, GPtrArray *notes)
{
  const Drawn *d = &self->drawn;
  guint n_lanes = MIN (hl_dataset_get_n_lanes (self->dataset), HL_DATASET_MAX_LANES);

  for (guint i = 0; i < n_lanes; i++)
    {
      const HlLane *lane = hl_dataset_get_lane (self->dataset, i);
      char *note;
      gboolean seen = FALSE;

      if (!(d->lanes_counted & (1u << i)))
        continue;
      note = lane->unit != NULL ? g_strdup_printf (_("×N %s"), lane->unit)
                                : g_strdup (_("×N items"));
      for (guint k = 0; k < notes->len && !seen; k++)
        seen = g_str_equal (g_ptr_array_index (notes, k), note);
      if (seen)
        g_free (note);
      else
        g_ptr_array_add (notes, note);
    }
  if (d->lanes_undisclosed != 0)
    {
      char *last = notes->len > 0 ? g_ptr_array_steal_index (notes, notes->len - 1) : NULL;

      /* TRANSLATORS: a legend note: what "×N" and "×?" beside markers mean */
      g_ptr_array_add (notes, last != NULL ? g_strdup_printf (_("%s, ×? not disclosed"), last)
                                           : g_strdup (_("×? not disclosed")));
      g_free (last);
    }
}

/* The legend lists what the chart draws: each lane shown, then only the
 * marks that appear (hatched bars, kinds, hollow failures, counts, the
 * running total). @notes keeps the notes' strings. */
static guint
legend_entries (HlChart *self, LegendEntry *entries, GPtrArray *notes)
{
  const Drawn *d = &self->drawn;
  guint n_lanes = MIN (hl_dataset_get_n_lanes (self->dataset), HL_DATASET_MAX_LANES);
  guint n = 0;

  for (guint i = 0; i < n_lanes; i++)
    {
      const HlLane *lane = hl_dataset_get_lane (self->dataset, i);
      Shape shape = lane->measure == HL_MEASURE_USD ? SHAPE_BAR : SHAPE_SQUARE;

      if (hl_view_lane_visible (&self->view, i))
        entries[n++] = (LegendEntry) { lane->title, shape, (int) i, FALSE, FALSE };
    }
  if (d->doubtful)
    entries[n++] = (LegendEntry) { _("suspected or disputed attribution"),
                                   SHAPE_BAR, -1, FALSE, TRUE };
  for (guint i = 0; i < d->n_kinds; i++)
    {
      HlKind kind = { NULL, NULL, d->kinds[i].shape, 0 };

      entries[n++] = (LegendEntry) { d->kinds[i].label, shape_of_kind (&kind), -1,
                                     FALSE, FALSE };
    }
  if (d->failed_shapes != 0)
    {
      static const HlShape order[] = { HL_SHAPE_TRIANGLE, HL_SHAPE_DIAMOND, HL_SHAPE_CIRCLE,
                                       HL_SHAPE_SQUARE };
      HlKind kind = { NULL, NULL, HL_SHAPE_SQUARE, 0 };

      for (guint k = 0; k < G_N_ELEMENTS (order); k++)
        if (d->failed_shapes & (1u << order[k]))
          {
            kind.shape = order[k];
            break;
          }
      entries[n++] = (LegendEntry) { _("failed"), shape_of_kind (&kind), -1, TRUE, FALSE };
    }
  count_notes (self, notes);
  /* lane -2: text only, no swatch */
  for (guint i = 0; i < notes->len; i++)
    entries[n++] = (LegendEntry) { g_ptr_array_index (notes, i), SHAPE_SQUARE, -2,
                                   FALSE, FALSE };
  /* the line's scale is on the right: say what it is */
  if (d->cumulative)
    entries[n++] = (LegendEntry) { _("running total of losses (right scale)"),
                                   SHAPE_LINE, -3, FALSE, FALSE };
  g_assert (n <= MAX_LEGEND_ENTRIES);
  return n;
}

/* One marker as layout_count_lane() will draw it, for the legend. */
static void
note_marker (HlChart *self, Drawn *d, guint lane, const HlColumn *c, const HlEvent *ev)
{
  const HlKind *kind = hl_dataset_lane_kind (self->dataset, lane, ev->kind);
  const char *label = hl_kind_get_label (kind);
  KindGroup group = { label, kind->shape };

  if (c->n == 1 && is_failure (ev))
    d->failed_shapes |= 1u << kind->shape;
  if (c->n > 1 || (ev->count_known && ev->count > 1))
    d->lanes_counted |= 1u << lane;
  else if (!ev->count_known)
    d->lanes_undisclosed |= 1u << lane;
  if (label == NULL || d->n_kinds == MAX_KIND_GROUPS)
    return;
  for (guint k = 0; k < d->n_kinds; k++)
    if (d->kinds[k].shape == group.shape && g_str_equal (d->kinds[k].label, label))
      return;
  d->kinds[d->n_kinds++] = group;
}

/* What the lanes will draw, from the columns and whether each lane is
 * aggregated (a crowded count lane draws bars, not markers). */
static void
find_drawn (HlChart *self, Drawn *d)
{
  const HlEvent *events = hl_dataset_get_events (self->dataset);
  guint n_lanes = MIN (hl_dataset_get_n_lanes (self->dataset), HL_DATASET_MAX_LANES);
  guint n_cols = hl_columns_get_n_columns (self->columns);
  gboolean any_usd = FALSE;

  memset (d, 0, sizeof *d);
  for (guint lane = 0; lane < n_lanes; lane++)
    {
      const HlColumn *c = hl_columns_get_lane (self->columns, lane, NULL);
      gboolean usd = hl_dataset_get_lane (self->dataset, lane)->measure == HL_MEASURE_USD;

      if (c == NULL)
        continue;
      any_usd |= usd;
      if (!usd && self->lanes[lane].aggregated)
        continue;
      for (guint i = 0; i < n_cols && !(usd && d->doubtful); i++)
        {
          if (c[i].n == 0)
            continue;
          if (usd)
            d->doubtful |= c[i].all_doubtful;
          else
            note_marker (self, d, lane, &c[i], &events[c[i].top]);
        }
    }
  qsort (d->kinds, d->n_kinds, sizeof (KindGroup), compare_kind_groups);
  d->cumulative = any_usd && self->view.show_cumulative &&
                  hl_columns_get_totals (self->columns)->usd > 0;
}

static double
layout_header (HlChart *self, double m)
{
  double x = m, y = m, w, h;
  double max_w = self->width - 2 * m;
  PangoLayout *layout;

  if (self->view.show_title && !(self->dropped & DROP_TITLE))
    {
      const char *title = self->view.title ? self->view.title
                                           : hl_dataset_get_title (self->dataset);
      g_autofree char *subtitle = NULL;

      if (title != NULL && title[0] != '\0' && !(self->dropped & DROP_TITLE))
        {
          layout = make_layout (self, self->font_title, title);
          pango_layout_set_width (layout, (int) (max_w * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          add_text (self, layout, x, y, ROLE_FG, -1);
          layout_size (layout, &w, &h);
          y += h;
        }

      if (self->view.subtitle != NULL)
        subtitle = g_strdup (self->view.subtitle);
      else
        {
          g_autofree char *range = hl_date_format_range (self->view.from, self->view.to);
          g_autofree char *totals = hl_describe_totals (self->dataset, &self->view,
                                                        hl_columns_get_totals (self->columns));

          subtitle = totals[0] != '\0' ? g_strdup_printf ("%s  ·  %s", range, totals)
                                        : g_steal_pointer (&range);
        }
      if (subtitle[0] != '\0' && !(self->dropped & DROP_SUBTITLE))
        {
          layout = make_layout (self, self->font_subtitle, subtitle);
          pango_layout_set_width (layout, (int) (max_w * PANGO_SCALE));
          pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
          add_text (self, layout, x, y + 4 * self->s, ROLE_MUTED, -1);
          layout_size (layout, &w, &h);
          y += h + 4 * self->s;
        }
      y += 14 * self->s;
    }

  if (self->view.show_legend && !(self->dropped & DROP_LEGEND))
    {
      double gap = 26 * self->s, sw = 14 * self->s, row_h = 0;
      LegendEntry entries[MAX_LEGEND_ENTRIES];
      g_autoptr(GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
      guint n = legend_entries (self, entries, notes);

      x = m;
      for (guint i = 0; i < n; i++)
        {
          Swatch sw_item = { { 0 }, entries[i].lane == -3 ? ROLE_CUMULATIVE : ROLE_FG,
                             entries[i].lane, entries[i].shape,
                             entries[i].hollow, entries[i].dashed };
          double item_w;
          gboolean has_swatch = entries[i].lane != -2;

          layout = make_layout (self, self->font_small, entries[i].text);
          layout_size (layout, &w, &h);
          item_w = (has_swatch ? sw + 6 * self->s : 0) + w;
          if (x > m && x + item_w > self->width - m)
            {
              x = m;
              y += row_h + 6 * self->s;
              row_h = 0;
            }
          if (item_w > max_w)
            {
              pango_layout_set_width (layout, (int) ((max_w - sw - 6 * self->s) * PANGO_SCALE));
              pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
              layout_size (layout, &w, &h);
              item_w = max_w;
            }
          if (has_swatch)
            {
              sw_item.box = (HlBox) { x, y + (h - sw) / 2, sw, sw };
              g_array_append_val (self->rects, sw_item);
              x += sw + 6 * self->s;
            }
          add_text (self, layout, x, y, ROLE_MUTED, -1);
          x += w + gap;
          row_h = MAX (row_h, h);
        }
      y += row_h + 12 * self->s;
    }

  return y;
}

/* ------------------------------------------------------------------ */
/* Footnote: who the data comes from */

/* The publisher behind a source title: "Reuters (via Yahoo)" and
 * "NHK World 2024-02-09" are Reuters and NHK World; a source with no title
 * shows its URL, whose host names the publisher. */
static char *
publisher_of (const char *title)
{
  g_autofree char *name = NULL;
  const char *paren;
  gsize len;

  if (g_str_has_prefix (title, "https://") || g_str_has_prefix (title, "http://"))
    {
      const char *host = strstr (title, "://") + 3;
      gsize n = strcspn (host, "/?#:");

      if (g_ascii_strncasecmp (host, "www.", 4) == 0 && n > 4)
        {
          host += 4;
          n -= 4;
        }
      if (n > 0)
        return g_strndup (host, n);
    }

  paren = strstr (title, " (");
  name = paren ? g_strndup (title, paren - title) : g_strdup (title);
  g_strstrip (name);
  /* a trailing " YYYY-MM-DD" dates the article, not the publisher */
  len = strlen (name);
  if (len > 11 && name[len - 11] == ' ' && g_ascii_isdigit (name[len - 10]) &&
      name[len - 6] == '-' && name[len - 3] == '-')
    name[len - 11] = '\0';
  if (name[0] == '\0')
    return g_strdup (title);
  return g_steal_pointer (&name);
}

static int
compare_publishers (gconstpointer a, gconstpointer b, gpointer data)
{
  GHashTable *counts = data;
  const char *pa = *(const char **) a, *pb = *(const char **) b;
  guint ca = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pa));
  guint cb = GPOINTER_TO_UINT (g_hash_table_lookup (counts, pb));

  if (ca != cb)
    return ca > cb ? -1 : 1;
  return g_utf8_collate (pa, pb);
}

/* "Sources: A, B and 3 more.  Data: file.json (Heistline)." */
static void
footnote_text (GString *text, GPtrArray *names, guint n_named, const char *basename)
{
  g_string_truncate (text, 0);
  if (names->len > 0)
    {
      g_string_append (text, _("Sources: "));
      for (guint i = 0; i < n_named; i++)
        {
          if (i > 0)
            g_string_append (text, ", ");
          g_string_append (text, g_ptr_array_index (names, i));
        }
      if (n_named == 0)
        g_string_append_printf (text, ngettext ("%u publisher", "%u publishers", names->len),
                                names->len);
      else if (n_named < names->len)
        g_string_append_printf (text, ngettext (" and %u more", " and %u more",
                                                names->len - n_named),
                                names->len - n_named);
      g_string_append (text, ".  ");
    }
  g_string_append_printf (text, _("Data: %s (Heistline)."), basename);
}

#define FOOTNOTE_SAMPLE 512

static double
layout_footnote (HlChart *self, double m, guint first, guint last)
{
  g_autoptr(GHashTable) counts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GString) text = g_string_new (NULL);
  const HlEvent *events = hl_dataset_get_events (self->dataset);
  GFile *file = hl_dataset_get_file (self->dataset);
  g_autofree char *basename = NULL;
  g_autofree char *cache_key = NULL;
  PangoLayout *layout;
  double w, h;

  /* Distinct publishers behind the events shown, most cited first. Each
   * source costs a microsecond or so: past FOOTNOTE_SAMPLE events, an even
   * sample of them names the main publishers just as well and keeps the
   * frame's cost flat. The sample sits on a fixed grid of event indices
   * (a power-of-two stride), so panning a little keeps the same sample
   * and the footnote does not flicker. */
  {
    guint stride = 1, start;

    while ((last - first) / stride > FOOTNOTE_SAMPLE)
      stride *= 2;
    start = (first + stride - 1) / stride * stride;
    for (guint i = start; i < last; i += stride)
      {
        if (!hl_view_shows_event (&self->view, self->dataset, &events[i]))
          continue;
        for (guint j = 0; j < events[i].n_sources; j++)
          {
            char *pub = publisher_of (events[i].sources[j].title);
            gpointer old = g_hash_table_lookup (counts, pub);

            g_hash_table_insert (counts, pub, GUINT_TO_POINTER (GPOINTER_TO_UINT (old) + 1));
          }
      }
  }
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, counts);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      g_ptr_array_add (names, key);
    g_ptr_array_sort_with_data (names, compare_publishers, counts);
  }

  basename = file ? g_file_get_basename (file)
                  : g_strdup (hl_dataset_get_display_name (self->dataset));

  /* Panning and zooming mostly keep the same publishers: the laid-out
   * footnote of the last chart is reused when its inputs are the same
   * (laying out some eighty names costs a fifth of a frame). */
  footnote_text (text, names, names->len, basename);
  cache_key = g_strdup_printf ("%d×%d %g %s", self->width, self->height,
                         pango_font_description_get_size (self->font_small) / (double) PANGO_SCALE,
                         text->str);
  layout = hl_text_cache_get_footnote (self->cache, cache_key);
  if (layout != NULL)
    {
      layout_size (layout, &w, &h);
      add_text (self, layout, m, self->height - m - h, ROLE_MUTED, -1);
      return h;
    }

  /* Every publisher if they fit in a few lines (up to 13% of the height),
   * in fine print if need be (down to 8.5 px, a print footnote's size);
   * else the most cited ones and how many more. The data file is always
   * named. Each size gets one try with every name; only the last size
   * tried searches how many fit, on the same layout. */
  {
    static const double fine_print[] = { 0, 10, 9, 8.5 };
    guint lo = 0, hi;
    int max_lines = 2;

    layout = NULL;
    for (guint f = 0; f < G_N_ELEMENTS (fine_print); f++)
      {
        g_autoptr(PangoFontDescription) font = NULL;
        double line_h;

        if (f > 0 && fine_print[f] >= pango_font_description_get_size (self->font_small) /
                                       (double) PANGO_SCALE)
          continue;
        font = f == 0 ? pango_font_description_copy (self->font_small)
                      : make_font (fine_print[f], FALSE);
        g_clear_object (&layout);
        layout = make_layout (self, font, "Ag");
        layout_size (layout, &w, &line_h);
        max_lines = (int) CLAMP (floor (self->height * 0.13 / line_h), 2, 8);
        pango_layout_set_width (layout, (int) ((self->width - 2 * m) * PANGO_SCALE));
        pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
        pango_layout_set_text (layout, text->str, -1);
        if (pango_layout_get_line_count (layout) <= max_lines)
          {
            lo = names->len;
            break;
          }
      }

    /* else the largest number of names that fits, all of them did not */
    hi = lo < names->len ? names->len - 1 : lo;
    while (lo < hi)
      {
        guint mid = (lo + hi + 1) / 2;

        footnote_text (text, names, mid, basename);
        pango_layout_set_text (layout, text->str, -1);
        if (pango_layout_get_line_count (layout) <= max_lines)
          lo = mid;
        else
          hi = mid - 1;
      }
    /* Setting a layout's text or options lays it out anew: only when
     * something changed. */
    if (lo < names->len)
      {
        footnote_text (text, names, lo, basename);
        pango_layout_set_text (layout, text->str, -1);
      }
    /* Even the file name alone may not fit a tiny canvas: cut it there. */
    if (pango_layout_get_line_count (layout) > max_lines)
      {
        pango_layout_set_height (layout, -max_lines);
        pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      }
  }
  hl_text_cache_set_footnote (self->cache, cache_key, layout);

  layout_size (layout, &w, &h);
  add_text (self, layout, m, self->height - m - h, ROLE_MUTED, -1);
  return h;
}

/* ------------------------------------------------------------------ */
/* Date axis */

static void
layout_axis (HlChart *self, double axis_y)
{
  double x0 = self->plot.x, x1 = self->plot.x + self->plot.width;
  double char_px, w, h, tick = 6 * self->s, label_y, context_y = 0;
  PangoLayout *probe = shared_layout (self, self->font_small, "0000");
  HlTickSpec spec, context;
  g_autoptr(GArray) ticks = NULL;
  double last_right = -G_MAXDOUBLE;
  Line line;

  layout_size (probe, &w, &h);
  g_object_unref (probe);
  char_px = w / 4 * 1.15;

  spec = hl_ticks_choose (self->view.from, self->view.to, self->plot.width, char_px);
  ticks = hl_ticks_build (spec, self->view.from, self->view.to);

  line = (Line) { x0, axis_y, x1, axis_y, ROLE_AXIS, MAX (1, self->s), FALSE };
  g_array_append_val (self->lines, line);

  label_y = axis_y + tick + 2 * self->s;
  for (guint i = 0; i + 1 < ticks->len; i++)
    {
      gint64 a = g_array_index (ticks, gint64, i), b = g_array_index (ticks, gint64, i + 1);
      double xa = hl_chart_time_to_x (self, a), xb = hl_chart_time_to_x (self, b);
      double vis_a = MAX (xa, x0), vis_b = MIN (xb, x1);
      g_autofree char *label = NULL;
      PangoLayout *layout;
      double lx;

      if (xa >= x0 && xa <= x1)
        {
          line = (Line) { xa, self->plot.y, xa, axis_y, ROLE_GRID, MAX (1, self->s), FALSE };
          g_array_append_val (self->lines, line);
          line = (Line) { xa, axis_y, xa, axis_y + tick, ROLE_AXIS, MAX (1, self->s), FALSE };
          g_array_append_val (self->lines, line);
        }
      if (vis_b <= vis_a)
        continue;

      /* Each label names the interval it sits in: centred, and only where
       * the visible part of the interval has room for it. */
      label = hl_ticks_label (spec, a);
      layout = shared_layout (self, self->font_small, label);
      layout_size (layout, &w, &h);
      lx = (xa + xb) / 2 - w / 2;
      if (lx < vis_a || lx + w > vis_b || lx < last_right + char_px)
        {
          lx = MAX (lx, vis_a + 2 * self->s);
          if (lx + w > vis_b || lx < last_right + char_px || lx + w > x1)
            {
              g_object_unref (layout);
              continue;
            }
        }
      add_text (self, layout, lx, label_y, ROLE_MUTED, -1);
      last_right = lx + w;
      context_y = label_y + h + 2 * self->s;
    }

  if (context_y == 0)
    {
      probe = shared_layout (self, self->font_small, "0");
      layout_size (probe, &w, &h);
      g_object_unref (probe);
      context_y = label_y + h + 2 * self->s;
    }

  /* The coarser row: "2023", "September 2023"… at the start of each, and
   * at the left edge for the one already under way. */
  if (hl_ticks_context (spec, &context))
    {
      g_autoptr(GArray) cticks = hl_ticks_build (context, self->view.from, self->view.to);

      last_right = -G_MAXDOUBLE;
      for (guint i = 0; i + 1 < cticks->len; i++)
        {
          gint64 a = g_array_index (cticks, gint64, i);
          double xa = MAX (hl_chart_time_to_x (self, a), x0);
          g_autofree char *label = hl_ticks_context_label (context, a);
          PangoLayout *layout;

          if (xa >= x1)
            break;
          layout = shared_layout (self, self->font_label_bold, label);
          layout_size (layout, &w, &h);
          if (xa < last_right + 2 * char_px || xa + w > x1)
            {
              g_object_unref (layout);
              continue;
            }
          /* A year boundary gets a stronger gridline. */
          if (hl_chart_time_to_x (self, a) >= x0)
            {
              line = (Line) { xa, self->plot.y, xa, axis_y + tick * 2, ROLE_AXIS,
                              MAX (1, self->s), FALSE };
              g_array_append_val (self->lines, line);
            }
          add_text (self, layout, xa + 3 * self->s, context_y, ROLE_FG, -1);
          last_right = xa + 3 * self->s + w;
        }
    }
}

static double
axis_height (HlChart *self)
{
  PangoLayout *a = shared_layout (self, self->font_small, "0");
  PangoLayout *b = shared_layout (self, self->font_label_bold, "0");
  double w, ha, hb;

  layout_size (a, &w, &ha);
  layout_size (b, &w, &hb);
  g_object_unref (a);
  g_object_unref (b);
  return 6 * self->s + 2 * self->s + ha + 2 * self->s + hb;
}

/* ------------------------------------------------------------------ */
/* Lanes */

static void
add_lane_header (HlChart *self, guint lane, const HlBox *band)
{
  const HlLane *l = hl_dataset_get_lane (self->dataset, lane);
  PangoLayout *layout = make_layout (self, self->font_label_bold, l->title);

  pango_layout_set_width (layout, (int) (band->width * 0.5 * PANGO_SCALE));
  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  add_text (self, layout, band->x + 4 * self->s, band->y, ROLE_FG, (int) lane);
}

/* Does the running-total line cross @box? Its points go left to right in
 * steps of horizontal and vertical segments: look only at those in the
 * box's columns. */
static gboolean
crosses_cumulative (HlChart *self, const HlBox *box)
{
  const double *pts = (const double *) (gpointer) self->cumulative->data;
  guint n = self->cumulative->len / 2, lo = 0, hi = n;

  if (n < 2)
    return FALSE;
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (pts[2 * mid] < box->x)
        lo = mid + 1;
      else
        hi = mid;
    }
  for (guint i = lo > 0 ? lo - 1 : 0; i + 1 < n && pts[2 * i] <= box->x + box->width; i++)
    {
      double x0 = MIN (pts[2 * i], pts[2 * i + 2]), x1 = MAX (pts[2 * i], pts[2 * i + 2]);
      double y0 = MIN (pts[2 * i + 1], pts[2 * i + 3]), y1 = MAX (pts[2 * i + 1], pts[2 * i + 3]);

      if (x1 >= box->x && x0 <= box->x + box->width &&
          y1 >= box->y && y0 <= box->y + box->height)
        return TRUE;
    }
  return FALSE;
}

/* Where a label may go around its mark, for a label of w x h: in order of
 * preference. Every position moves with the size so that a larger label's
 * box contains a smaller one's (label_may_fit() relies on it). */
typedef void (*CandidatesFunc) (HlChart *self, const Mark *mk, double w, double h,
                                double (*cand)[2]);

#define N_USD_CANDIDATES 6
#define N_COUNT_CANDIDATES 9

static void
usd_label_candidates (HlChart *self, const Mark *mk, double w, double h, double (*cand)[2])
{
  double cx = mk->box.x + mk->box.width / 2, gap = 4 * self->s;

  /* above the bar; beside its top, right then left */
  cand[0][0] = cx - w / 2;            cand[0][1] = mk->box.y - gap - h;
  cand[1][0] = mk->box.x + mk->box.width + gap; cand[1][1] = mk->box.y;
  cand[2][0] = mk->box.x - gap - w;   cand[2][1] = mk->box.y;
  cand[3][0] = cx - w / 2 + w / 3;    cand[3][1] = mk->box.y - gap - h;
  cand[4][0] = cx - w / 2 - w / 3;    cand[4][1] = mk->box.y - gap - h;
  cand[5][0] = mk->box.x + mk->box.width + gap; cand[5][1] = mk->box.y - h / 2;
}

static void
count_label_candidates (HlChart *self, const Mark *mk, double w, double h, double (*cand)[2])
{
  double gap = MAX (2.0, 3 * self->s), side_gap = MAX (3.5, 5 * self->s);

  cand[0][0] = mk->box.x + mk->box.width / 2 - w / 2;
  cand[0][1] = mk->box.y + mk->box.height + gap / 2;
  cand[1][0] = mk->box.x + mk->box.width / 2 - w / 2;
  cand[1][1] = mk->box.y - gap / 2 - h;
  cand[2][0] = mk->box.x + mk->box.width + side_gap;
  cand[2][1] = mk->box.y + mk->box.height / 2 + h * 0.1;
  cand[3][0] = mk->box.x - side_gap - w;
  cand[3][1] = mk->box.y + mk->box.height / 2 - h / 2;
  /* below or above, flush with either side of the mark */
  cand[4][0] = mk->box.x;
  cand[4][1] = cand[0][1];
  cand[5][0] = mk->box.x + mk->box.width - w;
  cand[5][1] = cand[0][1];
  cand[6][0] = mk->box.x;
  cand[6][1] = cand[1][1];
  cand[7][0] = mk->box.x + mk->box.width - w;
  cand[7][1] = cand[1][1];
  /* beside, level with the mark */
  cand[8][0] = cand[2][0];
  cand[8][1] = mk->box.y + mk->box.height / 2 - h / 2;
}

/* Each printable ASCII character's width alone, once per chart and font:
 * one short layout, spaced so that no pair is kerned. */
static void
estimate_prepare (HlChart *self, TextEstimate *est, const PangoFontDescription *font)
{
  char probe[2 * 95 + 1];
  PangoLayout *layout;
  PangoLayoutIter *iter;
  double w;

  if (est->ready)
    return;
  for (int c = 32; c < 127; c++)
    {
      probe[2 * (c - 32)] = (char) c;
      probe[2 * (c - 32) + 1] = ' ';
    }
  probe[2 * 95] = '\0';
  layout = make_layout (self, font, probe);
  layout_size (layout, &w, &est->line_h);
  iter = pango_layout_get_iter (layout);
  do
    {
      PangoRectangle logical;
      int index = pango_layout_iter_get_index (iter);
      gboolean more;

      pango_layout_iter_get_cluster_extents (iter, NULL, &logical);
      more = pango_layout_iter_next_cluster (iter);
      /* a cluster of more than one character (a ligature) stays at 0 */
      if (index % 2 == 0 && index < 2 * 95 &&
          (more ? pango_layout_iter_get_index (iter) : 2 * 95) == index + 1)
        est->advance[32 + index / 2] = MAX (0, (double) logical.width / PANGO_SCALE);
      if (!more)
        break;
    }
  while (TRUE);
  pango_layout_iter_free (iter);
  g_object_unref (layout);
  est->ready = TRUE;
}

/* Bounds on the size @text will have once laid out: at least *w wide and
 * between *h_lo and *h_hi tall. Only for ASCII text, whose characters all
 * come from the first font of the family list: FALSE otherwise. Kerning
 * can make a line a little narrower than the sum of its characters; a
 * fifth of that sum is far more than it ever takes. */
static gboolean
estimate_text (const TextEstimate *est, const char *text, double *w, double *h_lo,
               double *h_hi)
{
  double line = 0, widest = 0;
  guint n_lines = 1;

  for (const char *p = text; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      if (c == '\n')
        {
          widest = MAX (widest, line);
          line = 0;
          n_lines++;
        }
      else if (c < 32 || c >= 127)
        return FALSE;
      else
        line += est->advance[c];
    }
  *w = MAX (widest, line) * 0.8;
  *h_lo = n_lines * est->line_h * 0.9;
  *h_hi = n_lines * est->line_h * 1.1;
  return TRUE;
}

/* Could a label of @text fit at any of its positions? Shaping a label
 * costs far more than this test: in a crowded view most labels find no
 * room, and none of them need be shaped. The test uses, at each position,
 * a box that lies inside the box the label will have whatever its exact
 * size within the bounds: if that box already leaves @bounds or collides,
 * so does the label's. Returns TRUE when it cannot tell. */
static gboolean
label_may_fit (HlChart *self, const TextEstimate *est, const char *text, const Mark *mk,
               const HlBox *bounds, CandidatesFunc candidates, guint n_candidates)
{
  double w, h_lo, h_hi, pad = MAX (3.0, 4 * self->s);
  double lo[N_COUNT_CANDIDATES][2], hi[N_COUNT_CANDIDATES][2];

  g_assert (n_candidates <= N_COUNT_CANDIDATES);
  if (!estimate_text (est, text, &w, &h_lo, &h_hi) || w <= 0)
    return TRUE;
  candidates (self, mk, w, h_lo, lo);
  candidates (self, mk, w, h_hi, hi);
  for (guint i = 0; i < n_candidates; i++)
    {
      /* the edges move linearly with the height: the box common to both
       * ends of its range lies inside the box at any height between */
      double top = MAX (lo[i][1], hi[i][1]);
      double bottom = MIN (lo[i][1] + h_lo, hi[i][1] + h_hi);
      HlBox box = { lo[i][0], top, w, bottom - top };

      if (box.height <= 0)
        return TRUE;
      if (!box_inside (&box, bounds) || collides_padded (self, &box, pad, 0.5, mk->event) ||
          crosses_cumulative (self, &box))
        continue;
      return TRUE;
    }
  return FALSE;
}

/* Tries label positions around (cx, top) and keeps the first that stays in
 * @bounds and collides with nothing; frees the layout when none fits. */
static gboolean
place_label (HlChart *self, PangoLayout *layout, const HlBox *bounds,
             const double (*candidates)[2], guint n_candidates, int event, int lane, Role role)
{
  /* Room between a label and its neighbours, so that each reads alone. */
  double w, h, pad = MAX (3.0, 4 * self->s);

  layout_size (layout, &w, &h);
  for (guint i = 0; i < n_candidates; i++)
    {
      HlBox box = { candidates[i][0], candidates[i][1], w, h };

      if (candidates[i][0] == -1)  /* centred on x */
        continue;
      if (!box_inside (&box, bounds) || collides_padded (self, &box, pad, 0.5, event) ||
          crosses_cumulative (self, &box))
        continue;
      add_text (self, layout, box.x, box.y, role, lane);
      g_array_index (self->texts, Text, self->texts->len - 1).halo = TRUE;
      return TRUE;
    }
  g_object_unref (layout);
  return FALSE;
}

static int
compare_by_usd_desc (gconstpointer a, gconstpointer b, gpointer data)
{
  const HlEvent *events = data;
  const Mark *ma = a, *mb = b;
  double ua = ma->n_events == 1 ? events[ma->event].usd : 0;
  double ub = mb->n_events == 1 ? events[mb->event].usd : 0;

  return ua < ub ? 1 : ua > ub ? -1 : 0;
}

/* Label every how many of @n_steps gridlines over @height pixels, so that
 * the labels keep a gap between them. */
static guint
money_label_every (HlChart *self, double n_steps, double height)
{
  PangoLayout *probe = shared_layout (self, self->font_small, "$0");
  double w, h, spacing;

  layout_size (probe, &w, &h);
  g_object_unref (probe);
  if (n_steps < 1 || height <= 0)
    return 1;
  spacing = height / n_steps;
  return (guint) MAX (1, ceil (h * 1.2 / spacing));
}

/* A one-pixel column's bar on whole pixels (the plot's left edge is on
 * one): crisp, and filled as plain boxes. At least a pixel tall. */
static void
snap_bar (HlBox *box)
{
  double base = round (box->y + box->height);
  double top = MIN (round (box->y), base - 1);

  box->x = round (box->x);
  box->y = top;
  box->height = base - top;
}

static void
layout_usd_lane (HlChart *self, guint lane)
{
  LaneLayout *ll = &self->lanes[lane];
  const HlEvent *events = hl_dataset_get_events (self->dataset);
  const HlColumn *cols;
  guint n_cols = hl_columns_get_n_columns (self->columns), n_used;
  guint first_mark = self->marks->len;
  double label_h, bw, max_sum = 0, lane_sum = 0, step, w, h;
  guint label_every;
  PangoLayout *probe;
  double cand[N_USD_CANDIDATES][2];

  cols = hl_columns_get_lane (self->columns, lane, &n_used);
  for (guint i = 0; i < n_cols; i++)
    {
      max_sum = MAX (max_sum, cols[i].usd);
      lane_sum += cols[i].usd;
    }

  probe = shared_layout (self, self->font_label, "Ag\nAg");
  layout_size (probe, &w, &label_h);
  g_object_unref (probe);

  ll->usd_max = hl_money_nice_max (max_sum, &step);
  ll->base = ll->content.y + ll->content.height;
  ll->top = ll->content.y + label_h + 4 * self->s;
  if (ll->top > ll->base - 10 * self->s)
    ll->top = ll->content.y;

  /* Money gridlines, labelled in the left gutter: every one where there
   * is room, else every second, third… so that labels never touch. */
  label_every = money_label_every (self, ll->usd_max / step, ll->base - ll->top);
  for (guint k = 0; k * step <= ll->usd_max + step / 2; k++)
    {
      double v = k * step;
      double y = ll->base - v / ll->usd_max * (ll->base - ll->top);
      g_autofree char *label = NULL;
      PangoLayout *layout;
      Line line = { self->plot.x, y, self->plot.x + self->plot.width, y,
                    v == 0 ? ROLE_AXIS : ROLE_GRID, MAX (1, self->s), FALSE };

      g_array_append_val (self->lines, line);
      if (k % label_every != 0)
        continue;
      label = hl_money_format_short (v);
      layout = shared_layout (self, self->font_small, label);
      layout_size (layout, &w, &h);
      add_text (self, layout, self->plot.x - 8 * self->s - w, y - h / 2, ROLE_MUTED, -1);
    }

  /* One bar per used column; when columns crowd, bars are one pixel wide
   * so that neighbours never hide each other. */
  bw = MAX (3.0, 11 * self->s);
  if (ll->aggregated)
    bw = 1;
  for (guint i = 0; i < n_cols; i++)
    {
      const HlColumn *c = &cols[i];
      Mark mark = { { 0 }, c->top, lane, c->n, SHAPE_BAR, FALSE, FALSE, c->any_match };
      double x, top;

      if (c->n == 0)
        continue;
      x = c->n == 1 && !ll->aggregated ? hl_chart_time_to_x (self, events[c->top].time)
                                        : self->plot.x + i + 0.5;
      top = ll->base - c->usd / ll->usd_max * (ll->base - ll->top);
      /* Nothing disappears for being small: at least one pixel tall. */
      top = MIN (top, ll->base - 1);
      mark.box = (HlBox) { x - bw / 2, top, bw, ll->base - top };
      if (ll->aggregated)
        snap_bar (&mark.box);
      mark.dashed = c->all_doubtful;
      g_array_append_val (self->marks, mark);
    }

  /* Cumulative losses: the running total, on its own scale at the right. */
  if (self->view.show_cumulative && lane_sum > 0)
    {
      double cum_step, cum_max = hl_money_nice_max (lane_sum, &cum_step);
      double run = 0, y;

      g_array_set_size (self->cumulative, 0);
      for (guint i = 0; i < n_cols; i++)
        {
          double pt[2];

          if (cols[i].n == 0)
            continue;
          if (self->cumulative->len == 0)
            {
              pt[0] = self->plot.x;
              pt[1] = ll->base;
              g_array_append_vals (self->cumulative, pt, 2);
            }
          pt[0] = self->plot.x + i + 0.5;
          pt[1] = ll->base - run / cum_max * (ll->base - ll->top);
          g_array_append_vals (self->cumulative, pt, 2);
          run += cols[i].usd;
          pt[1] = ll->base - run / cum_max * (ll->base - ll->top);
          g_array_append_vals (self->cumulative, pt, 2);
        }
      {
        double pt[2] = { self->plot.x + self->plot.width,
                         ll->base - run / cum_max * (ll->base - ll->top) };
        g_array_append_vals (self->cumulative, pt, 2);
      }
      label_every = money_label_every (self, cum_max / cum_step, ll->base - ll->top);
      for (guint k = label_every; k * cum_step <= cum_max + cum_step / 2; k += label_every)
        {
          double v = k * cum_step;
          g_autofree char *label = hl_money_format_short (v);
          PangoLayout *layout = shared_layout (self, self->font_small, label);

          y = ll->base - v / cum_max * (ll->base - ll->top);
          layout_size (layout, &w, &h);
          add_text (self, layout, self->plot.x + self->plot.width + 6 * self->s, y - h / 2,
                    ROLE_CUMULATIVE, -1);
        }
    }

  /* Amount labels, largest first, wherever one fits. */
  {
    guint n_marks = self->marks->len - first_mark;
    g_autofree Mark *sorted = g_memdup2 (&g_array_index (self->marks, Mark, first_mark),
                                         n_marks * sizeof (Mark));
    guint placed = 0, tried = 0;
    HlBox bounds = { self->plot.x, ll->content.y, self->plot.width, ll->base - ll->content.y };

    g_qsort_with_data (sorted, n_marks, sizeof (Mark), compare_by_usd_desc, (gpointer) events);
    estimate_prepare (self, &self->est_label, self->font_label);
    for (guint i = 0; i < n_marks && placed < 24 && tried < 200; i++)
      {
        const Mark *mk = &sorted[i];
        const HlEvent *ev = &events[mk->event];
        g_autofree char *amount = NULL;
        g_autofree char *text = NULL;
        PangoLayout *layout;

        if (mk->n_events != 1)
          continue;
        tried++;
        amount = hl_money_format_short (ev->usd);
        text = g_strdup_printf ("%s\n%s", ev->title, amount);
        if (!label_may_fit (self, &self->est_label, text, mk, &bounds, usd_label_candidates,
                            N_USD_CANDIDATES))
          continue;
        layout = shared_layout_aligned (self, self->font_label, text, PANGO_ALIGN_CENTER);
        layout_size (layout, &w, &h);
        usd_label_candidates (self, mk, w, h, cand);
        if (place_label (self, layout, &bounds, (const double (*)[2]) cand, N_USD_CANDIDATES,
                         mk->event, -1, ROLE_FG))
          placed++;
      }
  }
}

static void
layout_count_lane (HlChart *self, guint lane)
{
  LaneLayout *ll = &self->lanes[lane];
  const HlEvent *events = hl_dataset_get_events (self->dataset);
  const HlColumn *cols;
  guint n_cols = hl_columns_get_n_columns (self->columns), n_used;
  guint first_mark = self->marks->len;
  double ms = MAX (10.0, 15 * self->s), w, h, row_h;
  guint n_rows;
  g_autofree double *row_right = NULL;
  HlBox bounds = ll->content;

  cols = hl_columns_get_lane (self->columns, lane, &n_used);

  row_h = ms * 1.7;
  n_rows = (guint) MAX (1, floor (ll->content.height / row_h));
  ll->base = ll->content.y + ll->content.height;
  ll->top = ll->content.y;

  /* Crowded: a histogram of counts per pixel column (see allocate_lanes()). */
  if (ll->aggregated)
    {
      double max_count = 0;

      for (guint i = 0; i < n_cols; i++)
        max_count = MAX (max_count, cols[i].count);
      ll->count_max = max_count;
      for (guint i = 0; i < n_cols; i++)
        {
          Mark mark = { { 0 }, cols[i].top, lane, cols[i].n, SHAPE_BAR, FALSE, FALSE,
                        cols[i].any_match };
          double top;

          if (cols[i].n == 0)
            continue;
          top = ll->base - cols[i].count / max_count * (ll->base - ll->top);
          top = MIN (top, ll->base - 1);
          mark.box = (HlBox) { self->plot.x + i, top, 1, ll->base - top };
          snap_bar (&mark.box);
          g_array_append_val (self->marks, mark);
        }
      return;
    }

  /* Markers in rows: each goes in the first row where it does not touch
   * the one before it, with room for its count. */
  row_right = g_new (double, n_rows);
  for (guint r = 0; r < n_rows; r++)
    row_right[r] = -G_MAXDOUBLE;

  for (guint i = 0; i < n_cols; i++)
    {
      const HlColumn *c = &cols[i];
      const HlEvent *ev;
      const HlKind *kind;
      Mark mark = { { 0 }, c->top, lane, c->n, SHAPE_SQUARE, FALSE, FALSE, c->any_match };
      double x, size, right, count_w = 0;
      guint row = 0;
      g_autofree char *count_text = NULL;
      PangoLayout *count_layout = NULL;   /* measured once, kept if placed */

      if (c->n == 0)
        continue;
      ev = &events[c->top];
      x = c->n == 1 ? hl_chart_time_to_x (self, ev->time) : self->plot.x + i + 0.5;
      kind = hl_dataset_lane_kind (self->dataset, lane, ev->kind);
      /* Ranks 2 and 3 (long-range, space) are larger; kinds nobody
       * described (rank 0) keep the ordinary size of rank 1. */
      size = ms * (1 + 0.15 * (MAX (kind->rank, 1) - 1));
      mark.shape = shape_of_kind (kind);
      mark.hollow = c->n == 1 && is_failure (ev);

      if (c->n > 1)
        count_text = g_strdup_printf ("×%u", (guint) c->count);
      else if (!ev->count_known)
        count_text = g_strdup ("×?");
      else if (ev->count > 1)
        count_text = g_strdup_printf ("×%u", ev->count);
      if (count_text != NULL)
        {
          count_layout = shared_layout (self, self->font_small, count_text);
          layout_size (count_layout, &count_w, &h);
          count_w += 2 * self->s;
        }

      right = x + size / 2 + count_w + 3 * self->s;
      for (row = 0; row < n_rows; row++)
        if (x - size / 2 > row_right[row])
          break;
      if (row == n_rows)
        {
          /* No free row: the one that frees up first. */
          row = 0;
          for (guint r = 1; r < n_rows; r++)
            if (row_right[r] < row_right[row])
              row = r;
        }
      row_right[row] = right;

      mark.box = (HlBox) { x - size / 2, ll->content.y + row * row_h + (row_h - size) / 2,
                           size, size };
      g_array_append_val (self->marks, mark);

      if (count_layout != NULL)
        {
          PangoLayout *layout = g_steal_pointer (&count_layout);
          HlBox box;

          layout_size (layout, &w, &h);
          box = (HlBox) { x + size / 2 + 2 * self->s, mark.box.y + mark.box.height / 2 - h / 2,
                          w, h };
          /* In a crowd, a count that would cover another label is left
           * out; the event's card still gives it. */
          if (box.x + box.width <= self->width && box.y >= 0 && box.y + h <= self->height &&
              !collides (self, &box, 0, c->top))
            add_text (self, layout, box.x, box.y, ROLE_FG, (int) lane);
          else
            g_object_unref (layout);
        }
    }

  /* Titles where they fit: the long-range and space launches first. */
  {
    guint n_marks = self->marks->len - first_mark;
    g_autofree guint *order = g_new (guint, n_marks);
    guint placed = 0;

    for (guint i = 0; i < n_marks; i++)
      order[i] = first_mark + i;
    estimate_prepare (self, &self->est_small, self->font_small);
    for (int rank = 3; rank >= 0; rank--)
      for (guint k = 0; k < n_marks && placed < 40; k++)
        {
          const Mark *mk = &g_array_index (self->marks, Mark, order[k]);
          const HlEvent *ev = &events[mk->event];
          double cand[N_COUNT_CANDIDATES][2];
          PangoLayout *layout;

          if (mk->n_events != 1 ||
              hl_dataset_lane_kind (self->dataset, lane, ev->kind)->rank != rank)
            continue;
          if (!label_may_fit (self, &self->est_small, ev->title, mk, &bounds,
                              count_label_candidates, N_COUNT_CANDIDATES))
            continue;
          layout = shared_layout (self, self->font_small, ev->title);
          layout_size (layout, &w, &h);
          count_label_candidates (self, mk, w, h, cand);
          if (place_label (self, layout, &bounds, (const double (*)[2]) cand,
                           N_COUNT_CANDIDATES, mk->event, (int) lane, ROLE_MUTED))
            placed++;
        }
  }
}

/* ------------------------------------------------------------------ */

/* Where a line is stroked across: its x (vertical) or y (horizontal) as
 * hl_chart_draw() snaps it, for crisp one-pixel lines. */
static double
line_snapped (double v, double width)
{
  return floor (v) + (fmod (width, 2) >= 1 ? 0.5 : 0);
}

/* Gridlines, year lines and lane separators stop short of the labels in
 * the plot, so that no line crosses a word. Cutting the lines costs a few
 * comparisons; outlining every label's glyphs in the background colour
 * cost more than the rest of the frame, and needed a known background. */
static void
cut_lines_around_labels (HlChart *self)
{
  const Text *texts = (const Text *) (gpointer) self->texts->data;
  double pad = MAX (1.0, 2 * self->s);
  g_autoptr(GArray) cut = NULL;
  GArray *spans;
  guint n_halo = 0;

  for (guint i = 0; i < self->texts->len; i++)
    n_halo += texts[i].halo;
  if (n_halo == 0)
    return;

  cut = g_array_sized_new (FALSE, FALSE, sizeof (Line), self->lines->len + 2 * n_halo);
  spans = g_array_new (FALSE, FALSE, sizeof (double));
  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *l = &g_array_index (self->lines, Line, i);
      gboolean vertical = l->x0 == l->x1, horizontal = l->y0 == l->y1;
      double at, half = l->width / 2;

      if (l->dashed || vertical == horizontal)
        {
          g_array_append_val (cut, *l);
          continue;
        }
      /* [from, to) pieces along the line, cut by each label it crosses */
      g_array_set_size (spans, 0);
      {
        double ends[2] = { vertical ? MIN (l->y0, l->y1) : MIN (l->x0, l->x1),
                           vertical ? MAX (l->y0, l->y1) : MAX (l->x0, l->x1) };

        g_array_append_vals (spans, ends, 2);
      }
      at = line_snapped (vertical ? l->x0 : l->y0, l->width);
      for (guint k = 0; k < self->texts->len && spans->len > 0; k++)
        {
          const HlBox *b = &texts[k].box;
          double lo, hi, across_lo, across_hi;
          guint n = spans->len;

          if (!texts[k].halo)
            continue;
          across_lo = vertical ? b->x - pad : b->y;
          across_hi = vertical ? b->x + b->width + pad : b->y + b->height;
          if (at + half <= across_lo || at - half >= across_hi)
            continue;
          lo = vertical ? b->y : b->x - pad;
          hi = vertical ? b->y + b->height : b->x + b->width + pad;
          for (guint j = 0; j < n; j += 2)
            {
              double from = g_array_index (spans, double, j);
              double to = g_array_index (spans, double, j + 1);

              if (hi <= from || lo >= to)
                {
                  g_array_append_val (spans, from);
                  g_array_append_val (spans, to);
                  continue;
                }
              if (lo > from)
                {
                  double piece[2] = { from, lo };
                  g_array_append_vals (spans, piece, 2);
                }
              if (hi < to)
                {
                  double piece[2] = { hi, to };
                  g_array_append_vals (spans, piece, 2);
                }
            }
          g_array_remove_range (spans, 0, n);
        }
      for (guint j = 0; j < spans->len; j += 2)
        {
          Line piece = *l;
          double from = g_array_index (spans, double, j);
          double to = g_array_index (spans, double, j + 1);

          if (vertical)
            {
              piece.y0 = from;
              piece.y1 = to;
            }
          else
            {
              piece.x0 = from;
              piece.x1 = to;
            }
          g_array_append_val (cut, piece);
        }
    }
  g_array_unref (spans);
  g_array_set_size (self->lines, 0);
  g_array_append_vals (self->lines, cut->data, cut->len);
}

/* The header's height without keeping what it laid out: the legend
 * depends on what the lanes draw, which depends on the room it leaves. */
static double
measure_header (HlChart *self, double m)
{
  guint n_texts = self->texts->len, n_rects = self->rects->len;
  double bottom = layout_header (self, m);

  for (guint i = n_texts; i < self->texts->len; i++)
    g_object_unref (g_array_index (self->texts, Text, i).layout);
  g_array_set_size (self->texts, n_texts);
  g_array_set_size (self->text_boxes, n_texts);
  g_array_set_size (self->rects, n_rects);
  return bottom;
}

static double
period_label_height (HlChart *self)
{
  PangoLayout *probe;
  double w, h;

  if (!self->view.show_periods || hl_dataset_get_n_periods (self->dataset) == 0 ||
      (self->dropped & DROP_PERIODS))
    return 0;
  probe = shared_layout (self, self->font_small, "Ag");
  layout_size (probe, &w, &h);
  g_object_unref (probe);
  return h + 4 * self->s;
}

/* Places the plot below the header and the period labels, above the axis
 * and the footnote, and cuts it into lane bands: a count lane gets room
 * for three rows of markers and their labels; usd lanes share the rest.
 * Without usd lanes, all share alike. Decides which lanes aggregate.
 * FALSE when a band is too thin for its marks. */
static gboolean
allocate_lanes (HlChart *self, double header_bottom, double foot_h, double m)
{
  guint n_lanes = MIN (hl_dataset_get_n_lanes (self->dataset), HL_DATASET_MAX_LANES);
  double ms = MAX (10.0, 15 * self->s), lane_gap = 14 * self->s, row_h = ms * 1.7;
  double w, header_h, label_h, count_h, avail, y;
  guint n_visible = 0, n_usd = 0;
  gboolean fits = TRUE;
  PangoLayout *probe;

  self->plot.y = header_bottom + period_label_height (self);
  self->plot.height = MAX (10, self->height - m - foot_h - axis_height (self) - self->plot.y);

  for (guint i = 0; i < n_lanes; i++)
    if (hl_view_lane_visible (&self->view, i))
      {
        n_visible++;
        n_usd += hl_dataset_get_lane (self->dataset, i)->measure == HL_MEASURE_USD;
      }
  avail = self->plot.height - 6 * self->s - lane_gap * n_visible;
  probe = shared_layout (self, self->font_label_bold, "Ag");
  layout_size (probe, &w, &header_h);
  g_object_unref (probe);
  probe = shared_layout (self, self->font_small, "Ag");
  layout_size (probe, &w, &label_h);
  g_object_unref (probe);
  count_h = header_h + 4 * self->s + 3 * row_h + label_h;
  if (n_usd == 0 || n_usd == n_visible)
    count_h = avail / MAX (n_visible, 1);
  else
    count_h = MIN (count_h, avail * 0.3);

  y = self->plot.y + 6 * self->s;
  for (guint lane = 0; lane < n_lanes; lane++)
    {
      LaneLayout *ll = &self->lanes[lane];
      gboolean usd = hl_dataset_get_lane (self->dataset, lane)->measure == HL_MEASURE_USD;
      double band_h = usd && n_usd < n_visible
                      ? (avail - count_h * (n_visible - n_usd)) / n_usd : count_h;
      double content_top = y;
      guint n_used;

      if (!hl_view_lane_visible (&self->view, lane))
        continue;
      /* a header and at least a row and a half of marks */
      if (band_h < header_h + 4 * self->s + 1.5 * row_h)
        fits = FALSE;
      ll->band = (HlBox) { self->plot.x, y, self->plot.width, band_h };
      /* A band too thin for its title keeps its marks; the legend names it. */
      ll->has_header = header_h + 4 * self->s <= band_h * 0.5;
      if (ll->has_header)
        content_top = y + header_h + 4 * self->s;
      ll->content = (HlBox) { self->plot.x, content_top, self->plot.width,
                              MAX (4, y + band_h - content_top) };
      hl_columns_get_lane (self->columns, lane, &n_used);
      if (usd)
        ll->aggregated = n_used * (MAX (3.0, 11 * self->s) + 1) > self->plot.width;
      else
        ll->aggregated = n_used * ms > self->plot.width * 0.5 *
                                       MAX (1, floor (ll->content.height / row_h));
      y += band_h + lane_gap;
    }
  return fits;
}

static void
layout_periods (HlChart *self, double label_y)
{
  double w, h;

  for (guint i = 0; i < hl_dataset_get_n_periods (self->dataset); i++)
    {
      const HlPeriod *p = hl_dataset_get_period (self->dataset, i);
      double xa = MAX (hl_chart_time_to_x (self, p->from), self->plot.x);
      double xb = MIN (hl_chart_time_to_x (self, p->to), self->plot.x + self->plot.width);
      Swatch band = { { xa, self->plot.y, xb - xa, self->plot.height }, ROLE_BAND, -1,
                      SHAPE_SQUARE, FALSE, FALSE };
      PangoLayout *layout;

      if (xb - xa < 1)
        continue;
      g_array_append_val (self->rects, band);
      layout = make_layout (self, self->font_small, p->label);
      pango_layout_set_width (layout, (int) ((xb - xa - 8 * self->s) * PANGO_SCALE));
      pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
      layout_size (layout, &w, &h);
      /* A label cut down to a lone "…" says nothing: leave it out. */
      if (pango_layout_is_ellipsized (layout) ? w >= 60 * self->s : w > 0)
        {
          HlBox box = { xa + 4 * self->s, label_y, w, h };

          if (!collides (self, &box, 0, -2))
            {
              add_text (self, layout, box.x, box.y, ROLE_BAND_TEXT, -1);
              continue;
            }
        }
      g_object_unref (layout);
    }
}

static void
layout_lanes (HlChart *self)
{
  guint n_lanes = MIN (hl_dataset_get_n_lanes (self->dataset), HL_DATASET_MAX_LANES);
  double lane_gap = 14 * self->s;
  guint last = 0;

  for (guint lane = 0; lane < n_lanes; lane++)
    if (hl_view_lane_visible (&self->view, lane))
      last = lane;
  for (guint lane = 0; lane < n_lanes; lane++)
    {
      const HlLane *l = hl_dataset_get_lane (self->dataset, lane);
      LaneLayout *ll = &self->lanes[lane];

      if (!hl_view_lane_visible (&self->view, lane))
        continue;
      if (ll->has_header)
        add_lane_header (self, lane, &ll->band);
      if (l->measure == HL_MEASURE_USD)
        layout_usd_lane (self, lane);
      else
        layout_count_lane (self, lane);
      if (lane != last)
        {
          double y = ll->band.y + ll->band.height + lane_gap / 2;
          Line sep = { self->plot.x, y, self->plot.x + self->plot.width, y, ROLE_GRID,
                       MAX (1, self->s), FALSE };

          g_array_append_val (self->lines, sep);
        }
    }
}

/* Lays everything out; FALSE when the lanes are left too little room. */
static gboolean
layout_chart_once (HlChart *self)
{
  double m = MAX (10.0, 36 * self->s);
  double header_bottom, foot_h = 0, gutter, right_gutter = 0, h;
  guint n_lanes = MIN (hl_dataset_get_n_lanes (self->dataset), HL_DATASET_MAX_LANES);
  gint64 margin;
  guint first, last;
  PangoLayout *probe;
  gboolean has_usd = FALSE, fits;
  Drawn drawn;

  for (guint i = 0; i < n_lanes; i++)
    if (hl_view_lane_visible (&self->view, i))
      has_usd |= hl_dataset_get_lane (self->dataset, i)->measure == HL_MEASURE_USD;

  /* The events whose sources the footnote names: those in range, and
   * just outside it if their marks reach in. */
  margin = (self->view.to - self->view.from) / 1000;
  first = hl_dataset_lower_bound (self->dataset, self->view.from - margin);
  last = hl_dataset_lower_bound (self->dataset, self->view.to + margin);

  probe = shared_layout (self, self->font_small, "$000.0M");
  layout_size (probe, &gutter, &h);
  g_object_unref (probe);
  gutter = has_usd ? gutter + 12 * self->s : 6 * self->s;
  if (self->view.show_cumulative && has_usd)
    right_gutter = gutter;

  /* On whole pixels, so that each column of the level of detail is one
   * column of pixels: its bar is filled without antialiasing. */
  self->plot.x = round (m + gutter);
  self->plot.width = MAX (10, floor (self->width - m - right_gutter) - self->plot.x);

  /* Totals first, so the subtitle can report them: the columns stay
   * valid while the plot's width does, so every try of layout_chart()
   * reads the same. */
  if (self->columns == NULL ||
      hl_columns_get_n_columns (self->columns) != (guint) self->plot.width)
    {
      g_clear_pointer (&self->columns, hl_columns_free);
      self->columns = hl_columns_new (self->dataset, &self->view, (guint) self->plot.width);
    }

  if (self->view.show_footnote && !(self->dropped & DROP_FOOTNOTE))
    foot_h = layout_footnote (self, m, first, last) + 10 * self->s;

  /* The legend lists what the lanes draw, and whether a count lane draws
   * markers depends on the room the legend leaves it: guess markers,
   * allocate, and measure again if the guess was wrong. */
  find_drawn (self, &self->drawn);
  fits = allocate_lanes (self, measure_header (self, m), foot_h, m);
  find_drawn (self, &drawn);
  if (memcmp (&drawn, &self->drawn, sizeof drawn) != 0)
    {
      self->drawn = drawn;
      fits = allocate_lanes (self, measure_header (self, m), foot_h, m);
    }
  header_bottom = layout_header (self, m);

  if (self->plot.y > header_bottom)
    layout_periods (self, header_bottom);
  layout_lanes (self);
  layout_axis (self, self->plot.y + self->plot.height);
  cut_lines_around_labels (self);
  return fits;
}

static void
reset_layout (HlChart *self)
{
  for (guint i = 0; i < self->texts->len; i++)
    g_object_unref (g_array_index (self->texts, Text, i).layout);
  g_array_set_size (self->texts, 0);
  g_array_set_size (self->text_boxes, 0);
  g_array_set_size (self->marks, 0);
  g_array_set_size (self->lines, 0);
  g_array_set_size (self->rects, 0);
  g_array_set_size (self->cumulative, 0);
  memset (self->lanes, 0, sizeof self->lanes);
}

/* On a canvas too small for everything, the parts around the plot give
 * way one by one (footnote first) rather than crowd it or overlap. */
static void
layout_chart (HlChart *self)
{
  static const Drop order[] = { DROP_FOOTNOTE, DROP_LEGEND, DROP_SUBTITLE, DROP_PERIODS,
                                DROP_TITLE };

  for (guint k = 0; !layout_chart_once (self) && k < G_N_ELEMENTS (order); k++)
    {
      reset_layout (self);
      self->dropped |= order[k];
    }
}

/**
 * hl_chart_new_cached:
 * @cache: where text laid out by earlier charts is kept, and this one's goes
 *
 * Lays @dataset out for @view at @width x @height. Whoever draws chart
 * after chart (a window, a preview) keeps one @cache for all of them.
 */
HlChart *
hl_chart_new_cached (HlDataset    *dataset,
                     const HlView *view,
                     int           width,
                     int           height,
                     HlTextCache  *cache)
{
  HlChart *self;

  g_return_val_if_fail (HL_IS_DATASET (dataset), NULL);
  g_return_val_if_fail (view != NULL, NULL);
  g_return_val_if_fail (view->to > view->from, NULL);
  g_return_val_if_fail (cache != NULL, NULL);

  self = g_new0 (HlChart, 1);
  g_atomic_ref_count_init (&self->ref_count);
  self->dataset = g_object_ref (dataset);
  hl_view_copy (&self->view, view);
  self->width = MAX (width, 64);
  self->height = MAX (height, 64);
  self->s = CLAMP (MIN (self->width / 1920.0, self->height / 1080.0), 0.3, 6.0);

  self->marks = g_array_new (FALSE, FALSE, sizeof (Mark));
  self->texts = g_array_new (FALSE, FALSE, sizeof (Text));
  self->text_boxes = g_array_new (FALSE, FALSE, sizeof (HlBox));
  self->lines = g_array_new (FALSE, FALSE, sizeof (Line));
  self->rects = g_array_new (FALSE, FALSE, sizeof (Swatch));
  self->cumulative = g_array_new (FALSE, FALSE, sizeof (double));

  self->cache = hl_text_cache_ref (cache);
  self->pango = g_object_ref (hl_text_cache_get_context (cache));

  /* Text shrinks with the canvas but not below what reads comfortably in
   * a window or on a small slide (GNOME's body text is about 14.7 px). */
  self->font_title = make_font (MAX (18, 34 * self->s), TRUE);
  self->font_subtitle = make_font (MAX (13, 20 * self->s), FALSE);
  self->font_label = make_font (MAX (12.5, 17 * self->s), FALSE);
  self->font_label_bold = make_font (MAX (12.5, 17 * self->s), TRUE);
  self->font_small = make_font (MAX (11, 14.5 * self->s), FALSE);

  setup_palette (self);
  layout_chart (self);

  return self;
}

/* A chart with a text cache of its own, freed with it: for one-off
 * charts (an export); see hl_chart_new_cached(). */
HlChart *
hl_chart_new (HlDataset *dataset, const HlView *view, int width, int height)
{
  g_autoptr(HlTextCache) cache = hl_text_cache_new ();

  return hl_chart_new_cached (dataset, view, width, height, cache);
}

/* ------------------------------------------------------------------ */
/* Drawing */

static void
path_shape (cairo_t *cr, Shape shape, const HlBox *b)
{
  double cx = b->x + b->width / 2, cy = b->y + b->height / 2, r = b->width / 2;

  switch (shape)
    {
    case SHAPE_TRIANGLE:
      cairo_move_to (cr, cx, b->y);
      cairo_line_to (cr, b->x + b->width, b->y + b->height);
      cairo_line_to (cr, b->x, b->y + b->height);
      cairo_close_path (cr);
      break;
    case SHAPE_DIAMOND:
      cairo_move_to (cr, cx, b->y);
      cairo_line_to (cr, b->x + b->width, cy);
      cairo_line_to (cr, cx, b->y + b->height);
      cairo_line_to (cr, b->x, cy);
      cairo_close_path (cr);
      break;
    case SHAPE_CIRCLE:
      cairo_new_sub_path (cr);
      cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
      break;
    case SHAPE_LINE:
      {
        double t = MAX (2.0, b->height * 0.22);

        cairo_rectangle (cr, b->x, cy - t / 2, b->width, t);
      }
      break;
    case SHAPE_BAR:
    case SHAPE_SQUARE:
    default:
      cairo_rectangle (cr, b->x, b->y, b->width, b->height);
      break;
    }
}

static void
draw_mark (HlChart *self, cairo_t *cr, const Mark *mk, Rgba color)
{
  double lw = MAX (1.0, 1.6 * self->s);

  path_shape (cr, mk->shape, &mk->box);
  if (mk->dashed)
    {
      /* Doubtful attribution: a pale fill and a dashed outline. */
      double dash[] = { 3 * lw, 2 * lw };

      set_source (cr, with_alpha (color, 0.25));
      cairo_fill_preserve (cr);
      set_source (cr, color);
      cairo_set_line_width (cr, lw);
      cairo_set_dash (cr, dash, 2, 0);
      cairo_stroke (cr);
      cairo_set_dash (cr, NULL, 0, 0);
    }
  else if (mk->hollow)
    {
      set_source (cr, self->transparent ? with_alpha (color, 0) : self->roles[ROLE_BG]);
      cairo_fill_preserve (cr);
      set_source (cr, color);
      cairo_set_line_width (cr, lw);
      cairo_stroke (cr);
    }
  else
    {
      set_source (cr, color);
      cairo_fill (cr);
    }
}

static gboolean
is_plain_box (const Mark *mk)
{
  return (mk->shape == SHAPE_BAR || mk->shape == SHAPE_SQUARE) &&
         !mk->dashed && !mk->hollow && !mk->match;
}

void
hl_chart_draw (HlChart *self, cairo_t *cr)
{
  const Mark *marks;

  g_return_if_fail (self != NULL);
  g_return_if_fail (cr != NULL);

  cairo_save (cr);

  if (!self->transparent)
    {
      set_source (cr, self->roles[ROLE_BG]);
      cairo_rectangle (cr, 0, 0, self->width, self->height);
      cairo_fill (cr);
    }

  /* Bands, then grid and axes, then marks, then text on top. */
  for (guint i = 0; i < self->rects->len; i++)
    {
      const Swatch *r = &g_array_index (self->rects, Swatch, i);

      if (r->lane == -1 && r->role == ROLE_BAND)
        {
          Rgba band = self->roles[ROLE_BAND];
          gboolean overlaps = FALSE;

          /* A band over the plain background is drawn in its blended,
           * opaque colour: the same pixels, but a solid fill instead of
           * blending a million of them. Where bands overlap they blend. */
          for (guint j = 0; j < i && !overlaps; j++)
            {
              const Swatch *o = &g_array_index (self->rects, Swatch, j);

              overlaps = o->lane == -1 && o->role == ROLE_BAND && boxes_overlap (&o->box, &r->box);
            }
          if (!self->transparent && !overlaps)
            band = mix (self->roles[ROLE_BG], with_alpha (band, 1.0), band.a);
          set_source (cr, band);
          cairo_rectangle (cr, r->box.x, r->box.y, r->box.width, r->box.height);
          cairo_fill (cr);
        }
    }

  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
  for (guint i = 0; i < self->lines->len; i++)
    {
      const Line *l = &g_array_index (self->lines, Line, i);
      /* Crisp one-pixel lines: on the pixel centre. */
      double x0 = l->x0 == l->x1 ? line_snapped (l->x0, l->width) : l->x0;
      double y0 = l->y0 == l->y1 ? line_snapped (l->y0, l->width) : l->y0;
      double x1 = l->x0 == l->x1 ? x0 : l->x1;
      double y1 = l->y0 == l->y1 ? y0 : l->y1;

      set_source (cr, self->roles[l->role]);
      cairo_set_line_width (cr, l->width);
      cairo_move_to (cr, x0, y0);
      cairo_line_to (cr, x1, y1);
      cairo_stroke (cr);
    }

  /* Consecutive plain bars and squares of a lane are filled as one path:
   * one fill for thousands of one-pixel columns instead of one each.
   * Same colour, opaque, so the order within a run does not show. */
  marks = (const Mark *) (gpointer) self->marks->data;
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mk = &marks[i];

      /* Doubtful columns of a crowded lane are one pixel wide and never
       * overlap: their pale fills, then their dashed outlines, go as one
       * path each. */
      if (mk->dashed && !mk->match && mk->shape == SHAPE_BAR &&
          self->lanes[mk->lane].aggregated)
        {
          double lw = MAX (1.0, 1.6 * self->s), dash[] = { 3 * lw, 2 * lw };
          guint j = i;

          for (; j < self->marks->len && marks[j].dashed && !marks[j].match &&
               marks[j].shape == SHAPE_BAR && marks[j].lane == mk->lane; j++)
            cairo_rectangle (cr, marks[j].box.x, marks[j].box.y, marks[j].box.width,
                             marks[j].box.height);
          set_source (cr, with_alpha (self->lane_colors[mk->lane], 0.25));
          cairo_fill_preserve (cr);
          set_source (cr, self->lane_colors[mk->lane]);
          cairo_set_line_width (cr, lw);
          cairo_set_dash (cr, dash, 2, 0);
          cairo_stroke (cr);
          cairo_set_dash (cr, NULL, 0, 0);
          i = j - 1;
          continue;
        }
      if (is_plain_box (mk))
        {
          guint j = i;

          for (; j < self->marks->len && is_plain_box (&marks[j]) &&
               marks[j].lane == mk->lane; j++)
            cairo_rectangle (cr, marks[j].box.x, marks[j].box.y, marks[j].box.width,
                             marks[j].box.height);
          set_source (cr, self->lane_colors[mk->lane]);
          cairo_fill (cr);
          i = j - 1;
          continue;
        }
      draw_mark (self, cr, mk, self->lane_colors[mk->lane]);
      if (mk->match)
        {
          HlBox b = { mk->box.x - 3 * self->s, mk->box.y - 3 * self->s,
                      mk->box.width + 6 * self->s, mk->box.height + 6 * self->s };

          set_source (cr, self->roles[ROLE_MATCH]);
          cairo_set_line_width (cr, MAX (1.5, 2.5 * self->s));
          cairo_rectangle (cr, b.x, b.y, b.width, b.height);
          cairo_stroke (cr);
        }
    }

  if (self->cumulative->len >= 4)
    {
      const double *pts = (const double *) (gpointer) self->cumulative->data;

      set_source (cr, self->roles[ROLE_CUMULATIVE]);
      cairo_set_line_width (cr, MAX (1.5, 2.5 * self->s));
      cairo_set_line_join (cr, CAIRO_LINE_JOIN_ROUND);
      cairo_move_to (cr, pts[0], pts[1]);
      for (guint i = 2; i + 1 < self->cumulative->len; i += 2)
        cairo_line_to (cr, pts[i], pts[i + 1]);
      cairo_stroke (cr);
    }

  /* Legend swatches */
  for (guint i = 0; i < self->rects->len; i++)
    {
      const Swatch *r = &g_array_index (self->rects, Swatch, i);
      Mark mk = { r->box, -1, 0, 1, r->shape, r->hollow, r->dashed, FALSE };

      if (r->role == ROLE_BAND)
        continue;
      draw_mark (self, cr, &mk,
                 r->lane >= 0 ? self->lane_colors[r->lane]
                 : self->roles[r->role == ROLE_CUMULATIVE ? ROLE_CUMULATIVE : ROLE_MUTED]);
    }

  for (guint i = 0; i < self->texts->len; i++)
    {
      const Text *t = &g_array_index (self->texts, Text, i);

      set_source (cr, t->lane >= 0 && t->role == ROLE_FG ? self->lane_colors[t->lane]
                                                         : self->roles[t->role]);
      cairo_move_to (cr, t->box.x, t->box.y);
      pango_cairo_show_layout (cr, t->layout);
    }

  cairo_restore (cr);
}

static const Mark *
find_mark (HlChart *self, int event)
{
  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mk = &g_array_index (self->marks, Mark, i);

      if (mk->event == event)
        return mk;
    }
  return NULL;
}

static void
rounded_rect (cairo_t *cr, double x, double y, double w, double h, double r)
{
  cairo_new_sub_path (cr);
  cairo_arc (cr, x + w - r, y + r, r, -G_PI / 2, 0);
  cairo_arc (cr, x + w - r, y + h - r, r, 0, G_PI / 2);
  cairo_arc (cr, x + r, y + h - r, r, G_PI / 2, G_PI);
  cairo_arc (cr, x + r, y + r, r, G_PI, 3 * G_PI / 2);
  cairo_close_path (cr);
}

static char *
describe_event_card (HlChart *self, const HlEvent *ev)
{
  const HlLane *lane = hl_dataset_get_lane (self->dataset, ev->lane);
  g_autofree char *date = hl_date_format_long (ev->time);
  g_autofree char *amount = hl_describe_amount (self->dataset, ev);
  GString *s = g_string_new (NULL);

  g_string_append_printf (s, "%s\n", date);
  /* "Crypto heists: $41.0 million", as count lanes say "Missiles: 2" */
  if (lane->measure == HL_MEASURE_USD)
    g_string_append_printf (s, _("%s: %s"), lane->title, amount);
  else
    g_string_append (s, amount);
  if (ev->kind != NULL)
    g_string_append_printf (s, " · %s", ev->kind);
  if (ev->confidence != HL_CONFIDENCE_UNSPECIFIED)
    g_string_append_printf (s, "\n%s: %s", _("Confidence"),
                            hl_confidence_to_string (ev->confidence));
  return g_string_free (s, FALSE);
}

/* Hover and selection, over a drawn chart: the cost of one mark and one
 * card, whatever the size of the dataset. */
void
hl_chart_draw_overlay (HlChart *self, cairo_t *cr, int hover, int selected)
{
  const Mark *mk;

  g_return_if_fail (self != NULL);

  cairo_save (cr);
  if (selected >= 0 && (mk = find_mark (self, selected)) != NULL)
    {
      double pad = 4 * self->s;

      set_source (cr, self->roles[ROLE_FG]);
      cairo_set_line_width (cr, MAX (2, 2.5 * self->s));
      rounded_rect (cr, mk->box.x - pad, mk->box.y - pad, mk->box.width + 2 * pad,
                    mk->box.height + 2 * pad, 3 * self->s);
      cairo_stroke (cr);
    }

  if (hover >= 0 && (mk = find_mark (self, hover)) != NULL)
    {
      const HlEvent *ev = hl_dataset_get_event (self->dataset, hover);
      g_autofree char *body = describe_event_card (self, ev);
      g_autoptr(PangoLayout) title = make_layout (self, self->font_label_bold, ev->title);
      g_autoptr(PangoLayout) text = make_layout (self, self->font_small, body);
      double pad = 10 * self->s, tw, th, bw, bh, w, h, x, y;
      double max_w = MIN (420 * MAX (self->s, 0.75), self->width - 20);

      pango_layout_set_width (title, (int) ((max_w - 2 * pad) * PANGO_SCALE));
      pango_layout_set_wrap (title, PANGO_WRAP_WORD_CHAR);
      pango_layout_set_width (text, (int) ((max_w - 2 * pad) * PANGO_SCALE));
      pango_layout_set_wrap (text, PANGO_WRAP_WORD_CHAR);
      layout_size (title, &tw, &th);
      layout_size (text, &bw, &bh);
      w = MAX (tw, bw) + 2 * pad;
      h = th + 4 * self->s + bh + 2 * pad;

      /* Outline the hovered mark, then the card beside it, kept on canvas. */
      set_source (cr, self->roles[ROLE_FG]);
      cairo_set_line_width (cr, MAX (1, 1.5 * self->s));
      path_shape (cr, mk->shape, &mk->box);
      cairo_stroke (cr);

      x = mk->box.x + mk->box.width + 12 * self->s;
      if (x + w > self->width - 4)
        x = mk->box.x - 12 * self->s - w;
      x = CLAMP (x, 4, MAX (4, self->width - w - 4));
      y = CLAMP (mk->box.y, 4, MAX (4, self->height - h - 4));

      rounded_rect (cr, x, y, w, h, 6 * self->s);
      set_source (cr, self->roles[ROLE_CARD]);
      cairo_fill_preserve (cr);
      set_source (cr, self->roles[ROLE_CARD_BORDER]);
      cairo_set_line_width (cr, 1);
      cairo_stroke (cr);

      set_source (cr, self->roles[ROLE_FG]);
      cairo_move_to (cr, x + pad, y + pad);
      pango_cairo_show_layout (cr, title);
      set_source (cr, self->roles[ROLE_MUTED]);
      cairo_move_to (cr, x + pad, y + pad + th + 4 * self->s);
      pango_cairo_show_layout (cr, text);
    }
  cairo_restore (cr);
}

/* ------------------------------------------------------------------ */

HlDataset *
hl_chart_get_dataset (HlChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return self->dataset;
}

const HlView *
hl_chart_get_view (HlChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return &self->view;
}

void
hl_chart_get_plot_area (HlChart *self, HlBox *box)
{
  g_return_if_fail (self != NULL);
  *box = self->plot;
}

/* The event under (x, y), or -1: the nearest mark whose box, grown to a
 * comfortable target, contains the point. */
int
hl_chart_hit_test (HlChart *self, double x, double y)
{
  double slop = MAX (4, 5 * self->s), best_d = G_MAXDOUBLE;
  int best = -1;

  g_return_val_if_fail (self != NULL, -1);

  for (guint i = 0; i < self->marks->len; i++)
    {
      const Mark *mk = &g_array_index (self->marks, Mark, i);
      double cx, cy, d;

      if (x < mk->box.x - slop || x > mk->box.x + mk->box.width + slop ||
          y < mk->box.y - slop || y > mk->box.y + mk->box.height + slop)
        continue;
      cx = mk->box.x + mk->box.width / 2;
      cy = CLAMP (y, mk->box.y, mk->box.y + mk->box.height);
      d = (x - cx) * (x - cx) + (y - cy) * (y - cy);
      if (d < best_d)
        {
          best_d = d;
          best = mk->event;
        }
    }
  return best;
}

gboolean
hl_chart_get_event_box (HlChart *self, int event, HlBox *box)
{
  const Mark *mk;

  g_return_val_if_fail (self != NULL, FALSE);

  if ((mk = find_mark (self, event)) == NULL)
    return FALSE;
  if (box)
    *box = mk->box;
  return TRUE;
}

const HlBox *
hl_chart_get_text_boxes (HlChart *self, guint *n_boxes)
{
  g_return_val_if_fail (self != NULL, NULL);
  *n_boxes = self->text_boxes->len;
  return (const HlBox *) (gpointer) self->text_boxes->data;
}

const char *
hl_chart_get_text_box_label (HlChart *self, guint index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->texts->len, NULL);
  return pango_layout_get_text (g_array_index (self->texts, Text, index).layout);
}

/* Totals over what is visible (range and filters), as drawn: the
 * subtitle's numbers. */
const HlTotals *
hl_chart_get_totals (HlChart *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return hl_columns_get_totals (self->columns);
}

/* The sum of the bars drawn in usd lanes: equal to the sum of the events
 * they stand for, however many share a pixel column. */
double
hl_chart_get_column_usd_sum (HlChart *self)
{
  double sum = 0;
  guint n_lanes = MIN (hl_dataset_get_n_lanes (self->dataset), HL_DATASET_MAX_LANES);

  g_return_val_if_fail (self != NULL, 0);
  for (guint lane = 0; lane < n_lanes; lane++)
    {
      const HlColumn *c = hl_columns_get_lane (self->columns, lane, NULL);

      if (c == NULL || hl_dataset_get_lane (self->dataset, lane)->measure != HL_MEASURE_USD)
        continue;
      for (guint i = 0; i < hl_columns_get_n_columns (self->columns); i++)
        sum += c[i].usd;
    }
  return sum;
}

gboolean
hl_chart_is_aggregated (HlChart *self, guint lane)
{
  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (lane < HL_DATASET_MAX_LANES, FALSE);
  return self->lanes[lane].aggregated;
}

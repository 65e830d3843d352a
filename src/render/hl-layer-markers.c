/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The marker lane layer (a count lane): a marker per column that holds
 * events, shaped and sized by its kind, in rows so that neighbours do not
 * touch, with "×N" beside it and titles where they fit; when the lane is
 * crowded, a histogram of counts per pixel column instead. */
#include "config.h"

#include <math.h>
#include <string.h>

#include "hl-chart-private.h"
#include "hl-date.h"
#include "hl-describe.h"

#define MAX_MARKER_LABELS 40
#define RANK_GROWTH 0.15
/* A column of more events than this is one marker with its count. */
#define MAX_PACK 32    /* a marker grows this much per rank above 1 */
/* A packed glyph may sit this many marker widths right of its date. */
#define MAX_PACK_SHIFT 3

/* Crowded: a histogram of counts per pixel column. */
static void
histogram (HlChart *chart, guint lane, const HlColumn *cols)
{
  HlLaneLayout *ll = &chart->lanes[lane];
  guint n_cols = hl_columns_get_n_columns (chart->columns);
  double max_count = 0;

  for (guint i = 0; i < n_cols; i++)
    max_count = MAX (max_count, cols[i].count);
  ll->count_max = max_count;
  for (guint i = 0; i < n_cols; i++)
    {
      HlMark mark = { { 0 }, cols[i].top, lane, cols[i].n, HL_MARK_BAR, FALSE, FALSE,
                      cols[i].any_match };
      double top;

      if (cols[i].n == 0)
        continue;
      top = ll->base - cols[i].count / max_count * (ll->base - ll->top);
      top = MIN (top, ll->base - 1);
      mark.box = (HlBox) { chart->plot.x + i, top, 1, ll->base - top };
      hl_placement_snap_bar (&mark.box);
      g_array_append_val (chart->marks, mark);
    }
}

/* "×3" for a column of events or an event of three, "×?" when not given. */
static char *
count_text (const HlColumn *c, const HlEvent *ev)
{
  g_autofree char *n = NULL;

  if (c->n > 1)
    return g_strdup_printf ("×%s", (n = hl_describe_number (c->count)));
  if (!ev->count_known)
    return g_strdup ("×?");
  if (ev->count > 1)
    return g_strdup_printf ("×%s", (n = hl_describe_number (ev->count)));
  return NULL;
}

/* The first row where a marker at @left does not touch the one before
 * it; with no free row, the one that frees up first (*@free FALSE). */
static guint
choose_row (const double *row_right, guint n_rows, double left, gboolean *free)
{
  guint row;

  *free = TRUE;
  for (row = 0; row < n_rows; row++)
    if (left > row_right[row])
      return row;
  *free = FALSE;
  row = 0;
  for (guint r = 1; r < n_rows; r++)
    if (row_right[r] < row_right[row])
      row = r;
  return row;
}

/* A "×N" waiting for every marker of its lane to be placed. */
typedef struct
{
  PangoLayout *layout;
  guint        mark;     /* index in chart->marks */
} PendingCount;

/* In a crowd, a count that would cover another label or come under
 * another marker is left out; the event's card still gives it. Placed
 * once all of the lane's markers are, so none is drawn over it. */
static void
place_count (HlChart *chart, PangoLayout *layout, guint index, guint lane)
{
  const HlMark *mark = &g_array_index (chart->marks, HlMark, index);
  double w, h, x = mark->box.x + mark->box.width / 2;
  HlBox box;

  _hl_layout_size (layout, &w, &h);
  box = (HlBox) { x + mark->box.width / 2 + chart->m->count_gap,
                  mark->box.y + mark->box.height / 2 - h / 2, w, h };
  if (box.x + box.width <= chart->width && box.y >= 0 && box.y + h <= chart->height &&
      !_hl_chart_collides (chart, &box, mark->event))
    _hl_chart_add_text (chart, layout, box.x, box.y, HL_ROLE_FG, (int) lane)->event =
      mark->event;
  else
    g_object_unref (layout);
}

/* Does a pixel column hold a day or less? Then a column's events are one
 * day's, and may stand side by side however many there are. */
static gboolean
day_columns (HlChart *chart)
{
  return (double) (chart->view.to - chart->view.from) / chart->plot.width <= HL_SECONDS_PER_DAY;
}

/* @pack: the rows' ends before the column's pack began, for one of a
 * column's events drawn on its own (NULL: the column's one glyph). Where
 * no row is free it goes right of the one that frees up first rather
 * than over it, but no further than MAX_PACK_SHIFT widths from its date
 * (FALSE: not placed), unless only its own day's glyphs are in its way.
 * Zoomed far out, glyphs pushed along by other columns' and by the years
 * sharing their column had drifted hundreds of pixels, launches of 2017
 * drawn as of 2900. */
static gboolean
marker (HlChart *chart, guint lane, guint col, const HlColumn *c, double *row_right,
        guint n_rows, const double *pack, GArray *counts)
{
  const HlMetrics *m = chart->m;
  const HlLaneLayout *ll = &chart->lanes[lane];
  const HlEvent *ev = hl_dataset_get_event (chart->dataset, c->top);
  const HlKind *kind = hl_dataset_lane_kind (chart->dataset, lane, ev->kind);
  HlMark mark = { { 0 }, c->top, lane, c->n, _hl_mark_shape_of (kind->shape),
                  c->n == 1 && _hl_event_failed (ev), FALSE, c->any_match };
  double row_h = m->marker * HL_MARKER_ROW, x, size, count_w = 0, w, h;
  g_autofree char *text = count_text (c, ev);
  PangoLayout *count = NULL;   /* measured once, kept if placed */
  gboolean free;
  guint row;

  x = c->n == 1 ? hl_chart_time_to_x (chart, ev->time) : chart->plot.x + col + 0.5;
  /* Ranks 2 and 3 (long-range, space) are larger; kinds nobody described
   * (rank 0) keep the ordinary size of rank 1. */
  size = m->marker * (1 + RANK_GROWTH * (MAX (kind->rank, 1) - 1));
  if (text != NULL)
    {
      count = _hl_chart_shared_layout (chart, chart->style.font_small, text, PANGO_ALIGN_LEFT);
      _hl_layout_size (count, &w, &h);
      count_w = w + m->count_gap;
    }
  row = choose_row (row_right, n_rows, x - size / 2, &free);
  if (pack && !free)
    {
      double shifted = row_right[row] + size / 2 + 1;

      if (shifted - x > MAX_PACK_SHIFT * size && !(row_right[row] != pack[row] &&
                                                    day_columns (chart)))
        {
          g_clear_object (&count);
          return FALSE;
        }
      x = shifted;
    }
  mark.stacked = pack != NULL;
  row_right[row] = x + size / 2 + count_w + m->count_room;
  mark.box = (HlBox) { x - size / 2, ll->content.y + row * row_h + (row_h - size) / 2,
                       size, size };
  g_array_append_val (chart->marks, mark);
  if (count != NULL)
    {
      PendingCount p = { count, chart->marks->len - 1 };

      g_array_append_val (counts, p);
    }
  return TRUE;
}

/* The events of one column (one day, at day level) as glyphs of their
 * own kinds side by side, each with its own count: an ICBM x2 and a
 * cruise missile stay two glyphs. Where they do not fit near their date,
 * the column is one glyph with the count of all its events. */
static void
pack (HlChart *chart, guint lane, guint col, const HlColumn *c, double *row_right,
      guint n_rows, GArray *counts)
{
  const HlEvent *events = hl_dataset_get_events (chart->dataset);
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (int));
  g_autofree double *rows_before = g_memdup2 (row_right, n_rows * sizeof (double));
  guint marks_before = chart->marks->len, counts_before = counts->len;

  hl_columns_get_column_events (chart->columns, lane, col, list);
  for (guint k = 0; k < list->len; k++)
    {
      int e = g_array_index (list, int, k);
      const HlEvent *ev = &events[e];
      HlColumn one = { ev->usd, ev->count, 1, !ev->count_known, e, FALSE,
                       c->any_match && hl_view_event_matches (&chart->view, ev) };

      if (marker (chart, lane, col, &one, row_right, n_rows, rows_before, counts))
        continue;
      for (guint i = counts_before; i < counts->len; i++)
        g_object_unref (g_array_index (counts, PendingCount, i).layout);
      g_array_set_size (counts, counts_before);
      g_array_set_size (chart->marks, marks_before);
      memcpy (row_right, rows_before, n_rows * sizeof (double));
      marker (chart, lane, col, c, row_right, n_rows, NULL, counts);
      return;
    }
}

/* Titles where they fit: the long-range and space launches first. */
static void
marker_labels (HlChart *chart, guint lane, guint first_mark)
{
  const HlEvent *events = hl_dataset_get_events (chart->dataset);
  guint n_marks = chart->marks->len - first_mark, placed = 0;
  const HlBox *bounds = &chart->lanes[lane].content;
  HlObstacles obstacles;

  _hl_chart_prepare_estimate (chart, &chart->est_small, chart->style.font_small);
  for (int rank = 3; rank >= 0; rank--)
    for (guint k = 0; k < n_marks && placed < MAX_MARKER_LABELS; k++)
      {
        const HlMark *mk = &g_array_index (chart->marks, HlMark, first_mark + k);
        const HlEvent *ev = &events[mk->event];
        HlPoint cand[HL_N_MARKER_CANDIDATES];
        PangoLayout *layout;
        double w, h;

        if (mk->n_events != 1 ||
            hl_dataset_lane_kind (chart->dataset, lane, ev->kind)->rank != rank)
          continue;
        _hl_chart_obstacles (chart, &obstacles);
        if (!hl_placement_may_fit (&obstacles, &chart->est_small, ev->title,
                                   (const HlMarkBox *) mk, bounds, chart->m,
                                   hl_placement_marker_candidates, HL_N_MARKER_CANDIDATES))
          continue;
        layout = _hl_chart_shared_layout (chart, chart->style.font_small, ev->title,
                                          PANGO_ALIGN_LEFT);
        _hl_layout_size (layout, &w, &h);
        hl_placement_marker_candidates (&mk->box, w, h, chart->m, cand);
        if (_hl_chart_place_label (chart, layout, bounds, cand, HL_N_MARKER_CANDIDATES,
                                   mk->event, (int) lane, HL_ROLE_MUTED))
          placed++;
      }
}

/* A title, three rows of markers and a line of labels. */
static double
marker_lane_measure (const HlChartLayer *layer, HlChart *chart, double width)
{
  return _hl_chart_lane_title_height (chart) + chart->m->lane_title_inset +
         3 * chart->m->marker * HL_MARKER_ROW +
         _hl_chart_text_height (chart, chart->style.font_small, "Ag");
}

static void
marker_lane_layout (const HlChartLayer *layer, HlChart *chart, const HlBox *area)
{
  guint lane = layer->lane, first_mark = chart->marks->len;
  HlLaneLayout *ll = &chart->lanes[lane];
  const HlColumn *cols = hl_columns_get_lane (chart->columns, lane, NULL);
  guint n_cols = hl_columns_get_n_columns (chart->columns);
  double row_h = chart->m->marker * HL_MARKER_ROW;
  guint n_rows = (guint) MAX (1, floor (ll->content.height / row_h));
  g_autofree double *row_right = NULL;
  g_autoptr(GArray) counts = NULL;
  HlTickSpec unit;

  g_assert (cols != NULL);
  if (_hl_chart_lane_binned (chart, lane, &unit))
    {
      _hl_chart_count_bins (chart, lane, unit);
      return;
    }
  if (ll->aggregated)
    {
      histogram (chart, lane, cols);
      return;
    }
  row_right = g_new (double, n_rows);
  for (guint r = 0; r < n_rows; r++)
    row_right[r] = -G_MAXDOUBLE;
  counts = g_array_new (FALSE, FALSE, sizeof (PendingCount));
  for (guint i = 0; i < n_cols; i++)
    if (cols[i].n > 1 && cols[i].n <= MAX_PACK)
      pack (chart, lane, i, &cols[i], row_right, n_rows, counts);
    else if (cols[i].n > 0)
      marker (chart, lane, i, &cols[i], row_right, n_rows, NULL, counts);
  for (guint k = 0; k < counts->len; k++)
    {
      const PendingCount *p = &g_array_index (counts, PendingCount, k);

      place_count (chart, p->layout, p->mark, lane);
    }
  marker_labels (chart, lane, first_mark);
}

const HlChartLayerClass _hl_marker_lane_layer = {
  "marker-lane", marker_lane_measure, marker_lane_layout,
};

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Calendar bins (issue 10): when a lane's marks would crowd
 * (HL_BINS_AUTO) or when a unit is asked for, one bar per calendar bin
 * (day, week, month, quarter, year, decade…) aligned to the calendar,
 * the unit following the zoom. A money bin stacks its events, largest at
 * the base, each in its own confidence style (a bin of many: its largest
 * and the rest as one segment); on the log scale it draws its total. A
 * count bin stacks its kinds. The lane layers call these; the sums come
 * from HlColumns, so the sum over bins is the sum over events. */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "hl-chart-private.h"
#include "hl-date.h"
#include "hl-scale.h"
#include "hl-describe.h"

/* Bins of up to this many events stack each one; larger ones stack the
 * largest and the rest. */
#define MAX_LISTED      16
#define MAX_KINDS       16
/* Events named on a bin's card. */
#define CARD_EVENTS     3

/* Does @lane draw bins, and of which unit? */
gboolean
_hl_chart_lane_binned (HlChart *chart, guint lane, HlTickSpec *unit)
{
  HlBins bins = chart->view.bins;

  if (bins == HL_BINS_MARKS || (bins == HL_BINS_AUTO && !chart->lanes[lane].aggregated))
    return FALSE;
  *unit = hl_bins_choose_unit (bins, chart->view.from, chart->view.to, chart->plot.width,
                               chart->m->bar_width);
  return TRUE;
}

/* A bin's columns on whole pixels, a pixel apart from the next when it
 * has room. */
static HlBox
bin_columns (HlChart *chart, const HlBin *bin, double base)
{
  double x0 = round (hl_chart_time_to_x (chart, MAX (bin->from, chart->view.from)));
  double x1 = round (hl_chart_time_to_x (chart, MIN (bin->to, chart->view.to)));

  if (x1 - x0 >= 3)
    x1 -= 1;
  x1 = MAX (x1, x0 + 1);
  return (HlBox) { x0, base, x1 - x0, 0 };
}

/* @box with its top and bottom on whole rows too: cairo fills such a box
 * with no antialiasing, on its fast path for boxes. Adjacent segments
 * share their rounded edge. */
static HlBox
whole_rows (HlBox box)
{
  double top = round (box.y), bottom = round (box.y + box.height);

  return (HlBox) { box.x, top, box.width, MAX (bottom - top, 1) };
}

/* A bin's cached card goes with it (chart->bins' clear function). */
static void
chart_bin_clear (gpointer data)
{
  HlChartBin *cb = data;

  g_clear_object (&cb->card_title);
  g_clear_object (&cb->card_text);
}

static guint
add_bin (HlChart *chart, const HlBin *bin, guint lane, const HlBox *box)
{
  HlChartBin cb = { *bin, lane, whole_rows (*box), NULL, NULL };

  if (chart->bins->len == 0)
    g_array_set_clear_func (chart->bins, chart_bin_clear);
  g_array_append_val (chart->bins, cb);
  return chart->bins->len;   /* 1 + its index */
}

/* A segment of bin @b from @y up @h pixels; the base segment stands for
 * the bin (n_events = the bin's), the others are parts of it (0). */
static void
segment (HlChart *chart, guint lane, guint b, const HlBox *cols, double y, double h, int event,
         guint n_events, gboolean dashed, gboolean match)
{
  HlMark mark = { whole_rows ((HlBox) { cols->x, y - h, cols->width, h }), event, lane,
                  n_events, HL_MARK_BAR, FALSE, dashed, match, TRUE };

  mark.bin = b;
  g_array_append_val (chart->marks, mark);
}

static gboolean
is_doubtful (const HlEvent *ev)
{
  return ev->confidence == HL_CONFIDENCE_SUSPECTED || ev->confidence == HL_CONFIDENCE_DISPUTED;
}

/* Money: the events stacked, largest at the base (each at least a pixel,
 * the whole as tall as the sum); on the log scale, or for a bin of many,
 * the largest and the rest. */
static void
money_bin (HlChart *chart, guint lane, const HlBin *bin, HlValueScale *scale)
{
  const HlLaneLayout *ll = &chart->lanes[lane];
  const HlEvent *events = hl_dataset_get_events (chart->dataset);
  HlBox cols = bin_columns (chart, bin, ll->base);
  double total_top = MIN (_hl_value_scale_y (scale, bin->sum.usd), ll->base - 1), y = ll->base;
  guint b;

  cols.y = total_top;
  cols.height = ll->base - total_top;
  b = add_bin (chart, bin, lane, &cols);
  if (scale->log)
    {
      segment (chart, lane, b, &cols, ll->base, cols.height, bin->sum.top, bin->sum.n,
               bin->sum.all_doubtful, bin->sum.any_match);
      return;
    }
  if (bin->sum.n <= MAX_LISTED)
    {
      g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (int));
      double sum = 0;

      hl_columns_list_events (chart->columns, lane, MAX (bin->from, chart->view.from),
                              MIN (bin->to, chart->view.to), list);
      for (guint k = 0; k < list->len; k++)
        {
          const HlEvent *ev = &events[g_array_index (list, int, k)];
          double top;

          sum += ev->usd;
          top = MIN (_hl_value_scale_y (scale, sum), y - 1);
          segment (chart, lane, b, &cols, y, y - top, g_array_index (list, int, k),
                   k == 0 ? bin->sum.n : 0, is_doubtful (ev),
                   bin->sum.any_match && hl_view_event_matches (&chart->view, ev));
          y = top;
        }
      /* a pixel each can stack above the sum's height: the bin is all of
       * its segments (its outline, and what its label must clear) */
      if (y < total_top)
        {
          HlBox *box = &g_array_index (chart->bins, HlChartBin, b - 1).box;

          box->height += box->y - round (y);
          box->y = round (y);
        }
      return;
    }
  {
    const HlEvent *top_ev = &events[bin->sum.top];
    double top = MIN (_hl_value_scale_y (scale, top_ev->usd), y - 1);
    gboolean rest_doubtful = bin->n_doubtful - is_doubtful (top_ev) == bin->sum.n - 1;

    segment (chart, lane, b, &cols, y, y - top, bin->sum.top, bin->sum.n, is_doubtful (top_ev),
             bin->sum.any_match);
    if (top > total_top)
      segment (chart, lane, b, &cols, top, top - total_top, bin->sum.top, 0, rest_doubtful,
               FALSE);
  }
}

/* Money bins of @lane; returns their largest sum (before drawing: the
 * scale needs it) when @scale is NULL. */
double
_hl_chart_money_bins (HlChart *chart, guint lane, HlTickSpec unit, HlValueScale *scale)
{
  g_autoptr(GArray) bins = hl_columns_get_bins (chart->columns, lane, unit);
  double max = 0;

  g_assert (bins != NULL);
  for (guint i = 0; i < bins->len; i++)
    {
      const HlBin *bin = &g_array_index (bins, HlBin, i);

      max = MAX (max, bin->sum.usd);
      if (scale != NULL)
        money_bin (chart, lane, bin, scale);
    }
  return max;
}

/* A count bin's share of one kind, as the legend groups kinds: by label
 * and shape ("ballistic" for ICBM, IRBM and SRBM alike). */
typedef struct
{
  const char *label;
  HlShape     shape;
  double      count;
  int         top;     /* its first event, which the segment stands for */
} KindShare;

/* Adds @count events of @kind, labelled @label (hl_kind_get_label()), the
 * first being @first, to the group the legend puts it in: by label and
 * shape ("ballistic" for ICBM, IRBM and SRBM alike); the rarest kinds
 * past MAX_KINDS share the last. */
static void
add_share (const HlKind *kind, const char *label, double count, int first, KindShare *shares,
           guint *n_shares)
{
  guint s = 0;

  while (s < *n_shares && (shares[s].shape != kind->shape ||
                           g_strcmp0 (shares[s].label, label) != 0))
    s++;
  if (s == *n_shares && *n_shares == MAX_KINDS)
    s = MAX_KINDS - 1;
  else if (s == *n_shares)
    shares[(*n_shares)++] = (KindShare) { label, kind->shape, 0, first };
  shares[s].count += count;
  shares[s].top = MIN (shares[s].top, first);
}

static int
compare_shares (gconstpointer a, gconstpointer b)
{
  const KindShare *ka = a, *kb = b;

  if (ka->count != kb->count)
    return ka->count < kb->count ? 1 : -1;
  return ka->top < kb->top ? -1 : ka->top > kb->top;
}

/* Where the searches for a lane's last bin ended: its bins are laid out
 * left to right, and each bin's searches start there. With each kind's
 * label, looked up (and translated) once for all the lane's bins. */
typedef struct
{
  guint        position;   /* in the lane's events */
  guint       *kinds;      /* in each kind's positions (hl_dataset_lane_kind_range) */
  const char **labels;
} BinCursor;

/* The kinds of @lane's events in [@from, @to) that the view shows, most
 * first (ties: the earlier first event), each with its first event:
 * from the lane's kind index when the view shows the whole lane, two
 * searches a kind (from where the last bin's ended, with a @cursor);
 * else event by event. Returns how many. */
static guint
kind_shares (HlChart *chart, guint lane, gint64 from, gint64 to, BinCursor *cursor,
             KindShare *shares)
{
  guint b = hl_dataset_lane_next_bound (chart->dataset, lane, cursor ? cursor->position : 0,
                                        from);
  guint e = hl_dataset_lane_next_bound (chart->dataset, lane, b, MAX (from, to));
  guint n_kinds = hl_dataset_lane_get_n_kinds (chart->dataset, lane), n_shares = 0;

  if (cursor != NULL)
    cursor->position = e;
  if (n_kinds > 0 && hl_view_shows_whole_lane (&chart->view, chart->dataset, lane))
    for (guint k = 0; k < n_kinds; k++)
      {
        const HlKind *kind = hl_dataset_lane_get_kind (chart->dataset, lane, k);
        guint64 count;
        int first;

        if (hl_dataset_lane_kind_range (chart->dataset, lane, k,
                                        cursor ? &cursor->kinds[k] : NULL, b, e, &count,
                                        &first) > 0)
          add_share (kind, cursor ? cursor->labels[k] : hl_kind_get_label (kind),
                     (double) count, first, shares, &n_shares);
      }
  else
    for (guint p = b; p < e; p++)
      {
        int index = hl_dataset_lane_get_event (chart->dataset, lane, p);
        const HlEvent *ev = hl_dataset_get_event (chart->dataset, index);
        const HlKind *kind;

        if (!hl_view_shows_event (&chart->view, chart->dataset, ev))
          continue;
        kind = hl_dataset_lane_kind (chart->dataset, lane, ev->kind);
        add_share (kind, hl_kind_get_label (kind), ev->count, index, shares, &n_shares);
      }
  qsort (shares, n_shares, sizeof (KindShare), compare_shares);
  return n_shares;
}

/* Count: the bin's kinds stacked, most at the base, each filled in its
 * shape's step of the lane colour (hl_style_fill_kind). */
static void
count_bin (HlChart *chart, guint lane, const HlBin *bin, double max, BinCursor *cursor)
{
  const HlLaneLayout *ll = &chart->lanes[lane];
  HlBox cols = bin_columns (chart, bin, ll->base);
  double h_total = MAX (1, bin->sum.count / max * (ll->base - ll->top)), y = ll->base, sum = 0;
  KindShare shares[MAX_KINDS];
  guint n_shares, b;

  cols.y = ll->base - h_total;
  cols.height = h_total;
  b = add_bin (chart, bin, lane, &cols);
  n_shares = kind_shares (chart, lane, MAX (bin->from, chart->view.from),
                          MIN (bin->to, chart->view.to), cursor, shares);
  for (guint s = 0; s < n_shares; s++)
    {
      double top;

      sum += shares[s].count;
      top = s + 1 == n_shares ? ll->base - h_total
                              : MIN (ll->base - sum / max * (ll->base - ll->top), y - 1);
      top = MIN (top, y - 1);
      segment (chart, lane, b, &cols, y, y - top, shares[s].top, s == 0 ? bin->sum.n : 0,
               FALSE, s == 0 && bin->sum.any_match);
      g_array_index (chart->marks, HlMark, chart->marks->len - 1).shade = 1 + shares[s].shape;
      y = top;
    }
  if (n_shares == 0)   /* nothing shown: the lane colour */
    segment (chart, lane, b, &cols, y, h_total, bin->sum.top, bin->sum.n, FALSE,
             bin->sum.any_match);
}

/* Count bins of @lane, on a scale of their largest count. */
void
_hl_chart_count_bins (HlChart *chart, guint lane, HlTickSpec unit)
{
  g_autoptr(GArray) bins = hl_columns_get_bins (chart->columns, lane, unit);
  guint n_kinds = hl_dataset_lane_get_n_kinds (chart->dataset, lane);
  g_autofree guint *kinds = g_new0 (guint, MAX (n_kinds, 1));
  g_autofree const char **labels = g_new (const char *, MAX (n_kinds, 1));
  BinCursor cursor = { 0, kinds, labels };
  double max = 0;

  for (guint k = 0; k < n_kinds; k++)
    labels[k] = hl_kind_get_label (hl_dataset_lane_get_kind (chart->dataset, lane, k));
  g_assert (bins != NULL);
  for (guint i = 0; i < bins->len; i++)
    max = MAX (max, g_array_index (bins, HlBin, i).sum.count);
  chart->lanes[lane].count_max = max;
  /* bins come in time order, none overlapping: the cursor only goes on */
  for (guint i = 0; i < bins->len; i++)
    count_bin (chart, lane, &g_array_index (bins, HlBin, i), MAX (max, 1), &cursor);
}

/* ------------------------------------------------------------------ */
/* The card */

/* "1 Mar 2022 – 31 Mar 2022", or one day's date: the bin's whole period. */
static char *
period_text (const HlBin *bin)
{
  if (bin->to - bin->from <= HL_SECONDS_PER_DAY)
    return hl_date_format_long (bin->from);
  return hl_date_format_range (bin->from, bin->to);
}

/* "ballistic: 12 · cruise: 3", as the bar stacks them. */
static void
append_kinds (HlChart *chart, const HlChartBin *cb, GString *s)
{
  KindShare shares[MAX_KINDS];
  guint n_shares;

  n_shares = kind_shares (chart, cb->lane, MAX (cb->bin.from, chart->view.from),
                          MIN (cb->bin.to, chart->view.to), NULL, shares);
  for (guint k = 0, shown = 0; k < n_shares; k++)
    {
      g_autofree char *label = NULL;
      g_autofree char *count = NULL;

      if (shares[k].label == NULL)   /* a kind the legend does not name */
        continue;
      label = _hl_isolate (shares[k].label);
      count = hl_describe_number ((guint64) shares[k].count);
      g_string_append (s, shown++ == 0 ? "\n" : " · ");
      /* TRANSLATORS: lane title: amount, on the hover card */
      g_string_append_printf (s, _("%s: %s"), label, count);
    }
}

/* The card's body: the lane's total and how many events, then the
 * largest few and how many more. */
char *
_hl_chart_describe_bin_card (HlChart *chart, const HlChartBin *cb)
{
  const HlLane *lane = hl_dataset_get_lane (chart->dataset, cb->lane);
  g_autofree char *lane_title = _hl_isolate (lane->title);
  g_autofree char *events = hl_describe_events (cb->bin.sum.n);
  g_autofree char *total = lane->measure == HL_MEASURE_USD
                           ? hl_describe_usd (cb->bin.sum.usd)
                           : hl_describe_count (lane, (guint64) cb->bin.sum.count);
  g_autoptr(GArray) list = g_array_new (FALSE, FALSE, sizeof (int));
  GString *s = g_string_new (NULL);
  guint n;

  if (lane->measure == HL_MEASURE_USD)
    /* TRANSLATORS: lane title: amount, on the hover card */
    g_string_append_printf (s, _("%s: %s"), lane_title, total);
  else
    g_string_append (s, total);
  g_string_append_printf (s, " · %s", events);
  if (lane->measure == HL_MEASURE_COUNT)
    append_kinds (chart, cb, s);
  n = hl_columns_top_events (chart->columns, cb->lane, MAX (cb->bin.from, chart->view.from),
                             MIN (cb->bin.to, chart->view.to), CARD_EVENTS, list);
  for (guint k = 0; k < list->len; k++)
    {
      const HlEvent *ev = hl_dataset_get_event (chart->dataset, g_array_index (list, int, k));
      g_autofree char *title = _hl_isolate (ev->title);
      /* a count lane's event by its number alone: the total above
       * already says what is counted ("ICBM test: 8", not "ICBM test:
       * Missiles: 8") */
      g_autofree char *amount = lane->measure == HL_MEASURE_COUNT && ev->count_known
                                ? hl_describe_number (ev->count)
                                : hl_describe_amount (chart->dataset, ev);

      /* TRANSLATORS: lane title: amount, on the hover card */
      g_string_append_c (s, '\n');
      g_string_append_printf (s, _("%s: %s"), title, amount);
    }
  if (n > CARD_EVENTS)
    {
      g_autofree char *more = hl_describe_number (n - CARD_EVENTS);

      g_string_append (s, "\n…");
      g_string_append_printf (s, ngettext (" and %s more", " and %s more", n - CARD_EVENTS),
                              more);
    }
  return g_string_free (s, FALSE);
}

char *
_hl_chart_describe_bin_title (HlChart *chart, const HlChartBin *cb)
{
  return period_text (&cb->bin);
}

/**
 * hl_chart_get_event_bin:
 * @lane: (out) (optional): the bin's lane
 * @from: (out) (optional): the start of the bin's whole period
 * @to: (out) (optional): its end
 *
 * Whether @event is drawn inside a calendar bin, and that bin's period:
 * what clicking it chooses.
 */
gboolean
hl_chart_get_event_bin (HlChart *chart, int event, guint *lane, gint64 *from, gint64 *to)
{
  const HlChartBin *cb;

  g_return_val_if_fail (chart != NULL, FALSE);

  if (event < 0 || (cb = _hl_chart_get_event_bin (chart, event)) == NULL)
    return FALSE;
  if (lane != NULL)
    *lane = cb->lane;
  if (from != NULL)
    *from = cb->bin.from;
  if (to != NULL)
    *to = cb->bin.to;
  return TRUE;
}

/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The events: identity, lane, date, amount (US dollars or a count) and
 * sources, each checked against the lanes already read. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>

#include "hl-date.h"
#include "hl-loader-private.h"

#define MAX_USD        1e15     /* a quadrillion dollars: past that, a typo */
#define MAX_COUNT      1000000
/* Between two looks at the cancellable: a million events take seconds. */
#define CANCEL_CHECK_EVERY 4096

static HlConfidence
parse_confidence (const char *text)
{
  for (HlConfidence c = HL_CONFIDENCE_OFFICIAL; c < HL_N_CONFIDENCES; c++)
    if (g_str_equal (text, hl_confidence_to_string (c)))
      return c;
  return HL_CONFIDENCE_UNSPECIFIED;
}

static gboolean
read_usd_value (HlLoader *l, const char *member, JsonNode *node, double *out)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double v;

  if (!hl_loader_node_is_number (node))
    {
      hl_loader_problem (l, _("field “%s”: expected a number of US dollars, got %s"), member,
                         hl_loader_describe_node (node));
      return FALSE;
    }
  v = json_node_get_double (node);
  if (!isfinite (v))
    {
      hl_loader_problem (l, _("field “%s”: the number is too large to represent"), member);
      return FALSE;
    }
  if (v < 0)
    {
      hl_loader_problem (l, _("field “%s”: must not be negative (got %s)"), member,
                         hl_loader_format_number (buf, v));
      return FALSE;
    }
  if (v > MAX_USD)
    {
      hl_loader_problem (l, _("field “%s”: %s is implausibly large (over $1 quadrillion)"),
                         member, hl_loader_format_number (buf, v));
      return FALSE;
    }
  *out = v;
  return TRUE;
}

/* "date_precision": how much of "date" is known. A month or a year is
 * written as its first day, a plain date, so that a reader without the
 * field still reads the file (and draws the event on that day). */
static void
read_date_precision (HlLoader *l, JsonObject *obj, HlEvent *ev, gboolean date_ok,
                     gboolean date_only)
{
  const char *text = hl_loader_read_string (l, obj, "date_precision", FALSE, 32, FALSE);
  int y, m, d;

  if (text == NULL || g_str_equal (text, "day"))
    return;
  if (g_str_equal (text, "month"))
    ev->date_precision = HL_DATE_PRECISION_MONTH;
  else if (g_str_equal (text, "year"))
    ev->date_precision = HL_DATE_PRECISION_YEAR;
  else
    {
      hl_loader_problem (l, _("field “date_precision”: “%s” is not one of “day”, “month”, "
                              "“year”"), text);
      return;
    }
  if (!date_ok)
    return;
  hl_date_to_ymd (ev->time, &y, &m, &d);
  if (ev->date_precision == HL_DATE_PRECISION_MONTH && (!date_only || d != 1))
    hl_loader_problem (l, _("field “date_precision”: “month” needs the first day of the "
                            "month as “date”, e.g. “%04d-%02d-01” (got “%s”)"), y, m, ev->date);
  else if (ev->date_precision == HL_DATE_PRECISION_YEAR && (!date_only || d != 1 || m != 1))
    hl_loader_problem (l, _("field “date_precision”: “year” needs the first of January "
                            "as “date”, e.g. “%04d-01-01” (got “%s”)"), y, ev->date);
}

/* An optional "end": the same forms as "date", not before it. A calendar
 * date ends with its whole day (end_time is exclusive). */
static void
read_end (HlLoader *l, JsonObject *obj, HlEvent *ev, gboolean date_ok, gboolean date_day)
{
  gboolean end_day = FALSE;
  gint64 t;

  if (!hl_loader_read_date (l, obj, "end", FALSE, &t, NULL, &end_day, &ev->end) || !date_ok)
    {
      ev->end = NULL;
      return;
    }
  if (end_day ? hl_date_floor_day (t) < hl_date_floor_day (ev->time)
              : t < (date_day ? hl_date_floor_day (ev->time) : ev->time))
    {
      hl_loader_problem (l, _("field “end”: “%s” is before the date “%s”"), ev->end, ev->date);
      ev->end = NULL;
      return;
    }
  ev->end_time = end_day ? hl_date_floor_day (t) + HL_SECONDS_PER_DAY : t;
  ev->has_end = TRUE;
}

/* Names, dates and texts: everything but the lane and the amount. */
static void
read_event_fields (HlLoader *l, JsonObject *obj, HlEvent *ev)
{
  const char *confidence;
  gboolean date_ok, date_only = FALSE;

  ev->title = hl_loader_read_string (l, obj, "title", TRUE, HL_LOADER_MAX_TITLE, FALSE);
  date_ok = hl_loader_read_date (l, obj, "date", TRUE, &ev->time, &ev->instant, &date_only,
                                 &ev->date);
  read_date_precision (l, obj, ev, date_ok, date_only);
  read_end (l, obj, ev, date_ok, date_only);
  ev->kind = hl_loader_read_string (l, obj, "kind", FALSE, HL_LOADER_MAX_TITLE, TRUE);
  ev->actor = hl_loader_read_string (l, obj, "actor", FALSE, HL_LOADER_MAX_TITLE, TRUE);
  ev->outcome = hl_loader_read_string (l, obj, "outcome", FALSE, HL_LOADER_MAX_TEXT, FALSE);
  ev->notes = hl_loader_read_string (l, obj, "notes", FALSE, HL_LOADER_MAX_TEXT, FALSE);
  confidence = hl_loader_read_string (l, obj, "confidence", FALSE, 32, FALSE);
  if (confidence != NULL)
    {
      ev->confidence = parse_confidence (confidence);
      if (ev->confidence == HL_CONFIDENCE_UNSPECIFIED)
        hl_loader_problem (l, _("field “confidence”: “%s” is not one of “official”, "
                                "“analyst”, “suspected”, “disputed”"), confidence);
    }
}

static void
check_unique_id (HlLoader *l, const HlEvent *ev, guint index, GHashTable *ids)
{
  gpointer other;

  if (ev->id == NULL)
    return;
  other = g_hash_table_lookup (ids, ev->id);
  if (other != NULL)
    hl_loader_problem (l, _("duplicate id “%s” (first used by events[%u])"), ev->id,
                       GPOINTER_TO_UINT (other) - 1);
  else
    g_hash_table_insert (ids, (gpointer) ev->id, GUINT_TO_POINTER (index + 1));
}

/* The lane's index, or -1 (with a problem unless the lanes themselves are
 * unusable: that problem is already named once). */
static int
find_event_lane (HlLoader *l, const char *lane_id)
{
  GArray *lanes = l->dataset->lanes;
  g_autoptr(GString) known = NULL;
  int lane;

  if (lane_id == NULL)
    return -1;
  lane = hl_dataset_find_lane (l->dataset, lane_id);
  if (lane >= 0 || l->no_lanes || lanes->len == 0)
    return lane;

  known = g_string_new (NULL);
  for (guint i = 0; i < lanes->len; i++)
    g_string_append_printf (known, "%s“%s”", i > 0 ? ", " : "",
                            g_array_index (lanes, HlLane, i).id);
  hl_loader_problem (l, _("field “lane”: no lane has the id “%s” (the lanes are %s)"),
                     lane_id, known->str);
  return -1;
}

/* A count lane's "count": optional, a whole number from 1 to MAX_COUNT. */
static void
read_count (HlLoader *l, JsonObject *obj, HlEvent *ev)
{
  JsonNode *node = json_object_get_member (obj, "count");
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double v;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;
  if (!hl_loader_node_is_number (node))
    hl_loader_problem (l, _("field “count”: expected a whole number, got %s"),
                       hl_loader_describe_node (node));
  else if (!isfinite (v = json_node_get_double (node)))
    hl_loader_problem (l, _("field “count”: the number is too large to represent"));
  else if (v != floor (v))
    hl_loader_problem (l, _("field “count”: must be a whole number (got %s)"),
                       hl_loader_format_number (buf, v));
  else if (v < 1)
    hl_loader_problem (l, _("field “count”: must be at least 1 (got %s)"),
                       hl_loader_format_number (buf, v));
  else if (v > MAX_COUNT)
    hl_loader_problem (l, _("field “count”: %s is implausibly large (at most %d)"),
                       hl_loader_format_number (buf, v), MAX_COUNT);
  else
    {
      ev->count = (guint) v;
      ev->count_known = TRUE;
    }
}

/* "usd_range": an optional [low, high] around the best estimate. */
static void
read_usd_range (HlLoader *l, JsonObject *obj, HlEvent *ev)
{
  JsonNode *node = json_object_get_member (obj, "usd_range");
  char lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];
  JsonArray *range;

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    return;
  range = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;
  if (range == NULL)
    hl_loader_problem (l, _("field “usd_range”: expected an array [low, high], got %s"),
                       hl_loader_describe_node (node));
  else if (json_array_get_length (range) != 2)
    hl_loader_problem (l, _("field “usd_range”: expected an array of two numbers "
                            "[low, high], got %u elements"), json_array_get_length (range));
  else if (!read_usd_value (l, "usd_range", json_array_get_element (range, 0), &ev->usd_low) ||
           !read_usd_value (l, "usd_range", json_array_get_element (range, 1), &ev->usd_high))
    return;
  else if (ev->usd_unknown)
    hl_loader_problem (l, _("field “usd_range”: a range needs a best estimate in “usd” "
                            "(it is null)"));
  else if (ev->usd_low > ev->usd_high)
    hl_loader_problem (l, _("field “usd_range”: the low end (%s) is above the high end (%s)"),
                       hl_loader_format_number (lo, ev->usd_low),
                       hl_loader_format_number (hi, ev->usd_high));
  else
    ev->has_usd_range = TRUE;
}

/* A span lane's events have no amount: "usd" or "count" there is an
 * error that names the field (data/README.md, "span"). Each counts once. */
static void
check_no_amount (HlLoader *l, JsonObject *obj, const char *lane_id, HlEvent *ev)
{
  static const char * const fields[] = { "usd", "count", "usd_range" };

  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    if (json_object_has_member (obj, fields[i]))
      hl_loader_problem (l, _("field “%s”: lane “%s” measures spans, whose events have "
                              "no amount (remove “%s”)"), fields[i], lane_id, fields[i]);
  ev->count_known = TRUE;
}

/* The amount the event's lane measures. Returns FALSE if "usd" was given
 * but unreadable. */
static gboolean
read_amount (HlLoader *l, JsonObject *obj, int lane, const char *lane_id, HlEvent *ev)
{
  JsonNode *node;

  ev->count = 1;
  if (lane < 0)
    return TRUE;
  if (hl_dataset_get_lane (l->dataset, lane)->measure == HL_MEASURE_SPAN)
    {
      check_no_amount (l, obj, lane_id, ev);
      return TRUE;
    }
  if (hl_dataset_get_lane (l->dataset, lane)->measure != HL_MEASURE_USD)
    {
      read_count (l, obj, ev);
      return TRUE;
    }
  /* In a money lane, count_known says that the amount is known. */
  node = json_object_get_member (obj, "usd");
  if (node != NULL && JSON_NODE_HOLDS_NULL (node))
    {
      ev->usd_unknown = TRUE;
      return TRUE;
    }
  if (node != NULL)
    {
      ev->count_known = read_usd_value (l, "usd", node, &ev->usd);
      return ev->count_known;
    }
  hl_loader_problem (l, _("missing field “usd” (lane “%s” measures US dollars; write "
                          "“usd”: null if no amount is known)"), lane_id);
  return TRUE;
}

static void
read_event (HlLoader *l, JsonObject *obj, guint index, GHashTable *ids)
{
  HlEvent ev = { 0 };
  const char *lane_id;
  int lane;
  gboolean ok;
  guint n_problems = l->problems->len + l->n_dropped;

  ev.id = hl_loader_read_string (l, obj, "id", TRUE, HL_LOADER_MAX_ID, FALSE);
  if (ev.id != NULL)
    hl_loader_set_where (l, "events[%u] (id “%s”)", index, ev.id);

  lane_id = hl_loader_read_string (l, obj, "lane", TRUE, HL_LOADER_MAX_ID, FALSE);
  read_event_fields (l, obj, &ev);
  check_unique_id (l, &ev, index, ids);
  lane = find_event_lane (l, lane_id);
  ev.lane = lane < 0 ? 0 : (guint) lane;
  ok = read_amount (l, obj, lane, lane_id, &ev);
  if (lane < 0 || hl_dataset_get_lane (l->dataset, lane)->measure != HL_MEASURE_SPAN)
    read_usd_range (l, obj, &ev);
  hl_loader_read_sources (l, obj, &ev.sources, &ev.n_sources);

  if (ok && l->problems->len + l->n_dropped == n_problems)
    g_array_append_val (l->dataset->events, ev);
}

/* Reads the events of @array, numbering them from *@index on. Returns
 * FALSE when reading should stop: cancelled. Past the problem cap, reading
 * on only counts problems (none is formatted), so the count is exact. */
gboolean
hl_loader_read_event_array (HlLoader *l, JsonArray *array, guint *index, GHashTable *ids)
{
  guint n = array ? json_array_get_length (array) : 0;

  for (guint k = 0; k < n; k++)
    {
      guint i = (*index)++;
      JsonObject *obj;

      if (i % CANCEL_CHECK_EVERY == CANCEL_CHECK_EVERY - 1 &&
          g_cancellable_is_cancelled (l->cancellable))
        return FALSE;
      hl_loader_set_where (l, "events[%u]", i);
      l->event = (int) MIN (i, (guint) G_MAXINT);
      if ((obj = hl_loader_element_object (l, array, k)) != NULL)
        read_event (l, obj, i, ids);
      l->event = -1;
    }
  return TRUE;
}

void
hl_loader_read_events (HlLoader *l, JsonObject *root)
{
  JsonArray *array = hl_loader_read_array (l, root, "events", TRUE);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint index = 0;

  g_array_set_size (l->dataset->events, 0);
  if (l->slices != NULL)   /* the tree holds an empty array in its place */
    hl_event_slices_parse (l->slices, l, ids);
  else
    hl_loader_read_event_array (l, array, &index, ids);
  hl_loader_set_where (l, NULL);
}


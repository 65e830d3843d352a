/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Reads heistline-dataset/1 files. Every file is untrusted: the bytes are
 * checked (size, encoding, nesting) before json-glib sees them, and every
 * rule of the format is checked after; a file with problems is refused as a
 * whole, with each problem named by place. */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "hl-dataset-private.h"
#include "hl-data-resources.h"
#include "hl-date.h"
#include "hl-json-check.h"

#define MAX_ID_LEN     256
#define MAX_TITLE_LEN  1024
#define MAX_TEXT_LEN   65536
#define MAX_USD        1e15     /* a quadrillion dollars: past that, a typo */
#define MAX_COUNT      1000000
/* No string in a dataset needs more (texts are at most 64 KiB once decoded,
 * 6 bytes per character if all escaped); past it, reading stops at once. */
#define MAX_RAW_STRING ((gsize) 1024 * 1024)

static gsize max_file_size; /* 0 until set: the environment's or the default */

/* HEISTLINE_MAX_FILE_SIZE (bytes) moves the limit for one run, read once. */
static gsize
default_max_file_size (void)
{
  static gsize limit = 0;

  if (g_once_init_enter (&limit))
    {
      const char *env = g_getenv ("HEISTLINE_MAX_FILE_SIZE");
      guint64 v = HL_DATASET_DEFAULT_MAX_SIZE;

      if (env != NULL && *env != '\0' &&
          !g_ascii_string_to_unsigned (env, 10, 1, G_MAXSIZE - 1, &v, NULL))
        {
          g_printerr (_("heistline: HEISTLINE_MAX_FILE_SIZE=“%s” is not a number of bytes; "
                        "using the default limit\n"), env);
          v = HL_DATASET_DEFAULT_MAX_SIZE;
        }
      g_once_init_leave (&limit, (gsize) v);
    }
  return limit;
}

/* Sets the largest file the loader reads, in bytes; 0 restores the default. */
void
hl_dataset_set_max_file_size (gsize max_size)
{
  max_file_size = max_size;
}

gsize
hl_dataset_get_max_file_size (void)
{
  return max_file_size != 0 ? max_file_size : default_max_file_size ();
}

/* A large file's "events" array is read a slice at a time (256 KB of text
 * each): json-glib's tree costs ~3 KB per event, so parsing the whole
 * file at once would hold several times its size in memory. The rest of
 * the file is parsed as usual, with an empty "events" array in its place;
 * plan_event_slices() finds where the array and its slices are. */
#define SLICE_MIN_FILE  ((gsize) 1024 * 1024)
#define SLICE_BYTES     ((gsize) 256 * 1024)

typedef struct
{
  const char *data;
  gsize       open;        /* offset of the array's '[' */
  gsize       close;       /* offset of its ']' */
  GArray     *cuts;        /* gsize: offsets of the commas the slices end at */
  guint       n_elements;  /* as counted by the scan */
  guint       n_parsed;    /* as json-glib found them */
  guint       n_slices_parsed;
  gboolean    failed;      /* json-glib disagreed: read the file whole instead */
} EventSlices;

typedef struct
{
  HlDataset  *dataset;
  const char *name;
  GPtrArray  *problems;
  guint       n_dropped;
  /* what the problems being found belong to, e.g. `events[3] (id "x")` */
  char       *where;
  GCancellable *cancellable;
  gboolean    no_lanes;   /* "lanes" unusable: do not blame every event for it */
  EventSlices *slices;    /* non-NULL: read "events" from these, not the tree */
} Loader;

static void add_problem (Loader *l, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
add_problem (Loader *l, const char *format, ...)
{
  g_autofree char *text = NULL;
  va_list args;

  if (l->problems->len >= HL_DATASET_MAX_PROBLEMS)
    {
      l->n_dropped++;
      return;
    }

  va_start (args, format);
  text = g_strdup_vprintf (format, args);
  va_end (args);

  if (l->where != NULL)
    g_ptr_array_add (l->problems, g_strdup_printf ("%s: %s: %s", l->name, l->where, text));
  else
    g_ptr_array_add (l->problems, g_strdup_printf ("%s: %s", l->name, text));
}

static void
set_where (Loader *l, const char *format, ...) G_GNUC_PRINTF (2, 3);

static void
set_where (Loader *l, const char *format, ...)
{
  va_list args;

  g_clear_pointer (&l->where, g_free);
  if (format == NULL)
    return;
  va_start (args, format);
  l->where = g_strdup_vprintf (format, args);
  va_end (args);
}

static gboolean
fail_with_problems (Loader *l, GError **error)
{
  g_autoptr(GString) msg = g_string_new (NULL);

  for (guint i = 0; i < l->problems->len; i++)
    {
      if (i > 0)
        g_string_append_c (msg, '\n');
      g_string_append (msg, g_ptr_array_index (l->problems, i));
    }
  if (l->n_dropped > 0)
    {
      g_string_append_printf (msg, "\n%s: ", l->name);
      g_string_append_printf (msg, ngettext ("… and %u more problem", "… and %u more problems",
                                             l->n_dropped), l->n_dropped);
    }
  g_set_error_literal (error, HL_DATASET_ERROR, HL_DATASET_ERROR_INVALID, msg->str);
  return FALSE;
}

static const char *
describe_node (JsonNode *node)
{
  switch (JSON_NODE_TYPE (node))
    {
    case JSON_NODE_OBJECT:
      return _("an object");
    case JSON_NODE_ARRAY:
      return _("an array");
    case JSON_NODE_NULL:
      return _("null");
    case JSON_NODE_VALUE:
    default:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          return _("a string");
        case G_TYPE_BOOLEAN:
          return _("true/false");
        default:
          return _("a number");
        }
    }
}

/* A number as a person would write it: "41000000", "7.5", "1e+20". */
static const char *
format_number (char buf[G_ASCII_DTOSTR_BUF_SIZE], double v)
{
  if (v == floor (v) && fabs (v) < 1e17)
    g_snprintf (buf, G_ASCII_DTOSTR_BUF_SIZE, "%.0f", v);
  else
    g_ascii_formatd (buf, G_ASCII_DTOSTR_BUF_SIZE, "%.15g", v);
  return buf;
}

/* @text cut to at most @max bytes, at a character boundary, with "…". */
static char *
shorten (const char *text, gsize max)
{
  gsize len = strlen (text);

  if (len <= max)
    return g_strdup (text);
  while (max > 0 && ((guchar) text[max] & 0xC0) == 0x80)
    max--;
  return g_strdup_printf ("%.*s…", (int) max, text);
}

static gboolean
node_is_string (JsonNode *node)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == G_TYPE_STRING;
}

static gboolean
node_is_number (JsonNode *node)
{
  GType t;

  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  t = json_node_get_value_type (node);
  return t == G_TYPE_INT64 || t == G_TYPE_DOUBLE;
}

/* Reads an optional or required string member, checking type and length.
 * Returns it copied into the dataset's string chunk, or NULL. */
static const char *
read_string (Loader     *l,
             JsonObject *obj,
             const char *member,
             gboolean    required,
             gsize       max_len,
             gboolean    intern)
{
  JsonNode *node = json_object_get_member (obj, member);
  const char *value;
  gsize len;

  if (node == NULL || (!required && JSON_NODE_HOLDS_NULL (node)))
    {
      if (required)
        add_problem (l, _("missing required field “%s”"), member);
      return NULL;
    }
  if (!node_is_string (node))
    {
      add_problem (l, _("field “%s”: expected a string, got %s"), member, describe_node (node));
      return NULL;
    }
  value = json_node_get_string (node);
  len = strlen (value);
  if (required && len == 0)
    {
      add_problem (l, _("field “%s”: must not be empty"), member);
      return NULL;
    }
  if (len > max_len)
    {
      add_problem (l, _("field “%s”: too long (%zu bytes, at most %zu)"), member, len, max_len);
      return NULL;
    }
  if (intern)
    return g_string_chunk_insert_const (l->dataset->strings, value);
  return g_string_chunk_insert (l->dataset->strings, value);
}

/* Returns the member as an array, or NULL (with a problem if it was
 * present but not an array, or missing and required). */
static JsonArray *
read_array (Loader *l, JsonObject *obj, const char *member, gboolean required)
{
  JsonNode *node = json_object_get_member (obj, member);

  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        add_problem (l, _("missing required field “%s”"), member);
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      add_problem (l, _("field “%s”: expected an array, got %s"), member, describe_node (node));
      return NULL;
    }
  return json_node_get_array (node);
}

static JsonObject *
element_object (Loader *l, JsonArray *array, guint i)
{
  JsonNode *node = json_array_get_element (array, i);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      add_problem (l, _("expected an object, got %s"), describe_node (node));
      return NULL;
    }
  return json_node_get_object (node);
}

static gboolean
read_date (Loader *l, JsonObject *obj, const char *member, gboolean required,
           gint64 *out_time, gboolean *out_date_only, const char **out_text)
{
  const char *text = read_string (l, obj, member, required, 64, FALSE);
  const char *problem = NULL;

  if (text == NULL)
    return FALSE;
  if (!hl_date_parse (text, out_time, out_date_only, &problem))
    {
      add_problem (l, _("field “%s”: “%s” is not a valid date: %s"), member, text, _(problem));
      return FALSE;
    }
  if (out_text)
    *out_text = text;
  return TRUE;
}

/* A range's "to" day is inclusive in the file: [from, to] covers whole days. */
static gboolean
read_range (Loader *l, JsonObject *obj, gint64 *from, gint64 *to)
{
  gboolean from_day = FALSE, to_day = FALSE;
  gboolean ok = TRUE;
  const char *from_text = NULL, *to_text = NULL;

  ok &= read_date (l, obj, "from", TRUE, from, &from_day, &from_text);
  ok &= read_date (l, obj, "to", TRUE, to, &to_day, &to_text);
  if (!ok)
    return FALSE;
  if (from_day)
    *from = hl_date_floor_day (*from);
  if (to_day)
    *to = hl_date_floor_day (*to) + HL_SECONDS_PER_DAY;
  if (*to <= *from)
    {
      add_problem (l, _("“to” (%s) must come after “from” (%s)"), to_text, from_text);
      return FALSE;
    }
  return TRUE;
}

/* Appends the sources of one event or fact to the shared array and returns
 * the offset of the first (stored in place of the pointer until finish). */
static void
read_sources (Loader *l, JsonObject *obj, const HlSource **out_sources, guint *out_n)
{
  JsonArray *array = read_array (l, obj, "sources", FALSE);
  g_autofree char *outer = g_strdup (l->where);
  guint first = l->dataset->sources->len;
  guint n;

  *out_sources = NULL;
  *out_n = 0;
  if (array == NULL)
    return;

  n = json_array_get_length (array);
  for (guint i = 0; i < n; i++)
    {
      JsonObject *src;
      HlSource s = { NULL, NULL };

      set_where (l, "%s: sources[%u]", outer, i);
      if ((src = element_object (l, array, i)) == NULL)
        continue;
      s.url = read_string (l, src, "url", TRUE, MAX_TEXT_LEN, FALSE);
      s.title = read_string (l, src, "title", FALSE, MAX_TITLE_LEN, FALSE);
      if (s.url == NULL)
        continue;
      if (s.title == NULL)
        s.title = s.url;
      g_array_append_val (l->dataset->sources, s);
    }
  set_where (l, "%s", outer);

  *out_sources = GSIZE_TO_POINTER ((gsize) first);
  *out_n = l->dataset->sources->len - first;
}

static gboolean
parse_color (const char *text, guint32 *out)
{
  guint32 v = 0;

  if (text[0] != '#' || strlen (text) != 7)
    return FALSE;
  for (int i = 1; i < 7; i++)
    {
      int d = g_ascii_xdigit_value (text[i]);
      if (d < 0)
        return FALSE;
      v = (v << 4) | (guint32) d;
    }
  *out = v;
  return TRUE;
}

static void
read_lanes (Loader *l, JsonObject *root)
{
  JsonArray *array = read_array (l, root, "lanes", TRUE);
  guint n;

  l->no_lanes = array == NULL || json_array_get_length (array) == 0;
  if (array == NULL)
    return;
  n = json_array_get_length (array);
  if (n == 0)
    add_problem (l, _("field “lanes”: needs at least one lane"));
  if (n > HL_DATASET_MAX_LANES)
    {
      add_problem (l, _("field “lanes”: %u lanes, at most %d are supported"), n,
                   HL_DATASET_MAX_LANES);
      l->no_lanes = TRUE;
      return;
    }

  for (guint i = 0; i < n; i++)
    {
      JsonObject *obj;
      HlLane lane = { 0 };
      const char *measure, *color;

      set_where (l, "lanes[%u]", i);
      if ((obj = element_object (l, array, i)) == NULL)
        continue;
      lane.id = read_string (l, obj, "id", TRUE, MAX_ID_LEN, FALSE);
      if (lane.id != NULL)
        set_where (l, "lanes[%u] (id “%s”)", i, lane.id);
      lane.title = read_string (l, obj, "title", FALSE, MAX_TITLE_LEN, FALSE);
      lane.unit = read_string (l, obj, "unit", FALSE, MAX_TITLE_LEN, FALSE);
      measure = read_string (l, obj, "measure", TRUE, 16, FALSE);
      color = read_string (l, obj, "color", FALSE, 16, FALSE);

      if (measure != NULL)
        {
          if (g_str_equal (measure, "usd"))
            lane.measure = HL_MEASURE_USD;
          else if (g_str_equal (measure, "count"))
            lane.measure = HL_MEASURE_COUNT;
          else
            add_problem (l, _("field “measure”: “%s” is not one of “usd”, “count”"), measure);
        }
      if (color != NULL)
        {
          if (parse_color (color, &lane.color))
            lane.has_color = TRUE;
          else
            add_problem (l, _("field “color”: “%s” is not a colour of the form #rrggbb"), color);
        }
      if (lane.id != NULL && hl_dataset_find_lane (l->dataset, lane.id) >= 0)
        {
          add_problem (l, _("duplicate lane id “%s”"), lane.id);
          continue;
        }
      if (lane.id == NULL)
        continue;
      if (lane.title == NULL)
        lane.title = lane.id;
      g_array_append_val (l->dataset->lanes, lane);
    }
  set_where (l, NULL);
}

static void
read_periods (Loader *l, JsonObject *root)
{
  JsonArray *array = read_array (l, root, "periods", FALSE);
  guint n = array ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *obj;
      HlPeriod p = { 0 };

      set_where (l, "periods[%u]", i);
      if ((obj = element_object (l, array, i)) == NULL)
        continue;
      p.label = read_string (l, obj, "label", FALSE, MAX_TITLE_LEN, FALSE);
      if (!read_range (l, obj, &p.from, &p.to))
        continue;
      if (p.label == NULL)
        p.label = "";
      g_array_append_val (l->dataset->periods, p);
    }
  set_where (l, NULL);
}

static void
read_facts (Loader *l, JsonObject *root)
{
  JsonArray *array = read_array (l, root, "facts", FALSE);
  guint n = array ? json_array_get_length (array) : 0;

  for (guint i = 0; i < n; i++)
    {
      JsonObject *obj;
      HlFact f = { 0 };

      set_where (l, "facts[%u]", i);
      if ((obj = element_object (l, array, i)) == NULL)
        continue;
      f.text = read_string (l, obj, "text", TRUE, MAX_TEXT_LEN, FALSE);
      read_sources (l, obj, &f.sources, &f.n_sources);
      if (f.text != NULL)
        g_array_append_val (l->dataset->facts, f);
    }
  set_where (l, NULL);
}

static HlConfidence
parse_confidence (const char *text)
{
  for (HlConfidence c = HL_CONFIDENCE_OFFICIAL; c < HL_N_CONFIDENCES; c++)
    if (g_str_equal (text, hl_confidence_to_string (c)))
      return c;
  return HL_CONFIDENCE_UNSPECIFIED;
}

static gboolean
read_usd_value (Loader *l, const char *member, JsonNode *node, double *out)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];
  double v;

  if (!node_is_number (node))
    {
      add_problem (l, _("field “%s”: expected a number of US dollars, got %s"), member,
                   describe_node (node));
      return FALSE;
    }
  v = json_node_get_double (node);
  if (!isfinite (v))
    {
      add_problem (l, _("field “%s”: the number is too large to represent"), member);
      return FALSE;
    }
  if (v < 0)
    {
      add_problem (l, _("field “%s”: must not be negative (got %s)"), member,
                   format_number (buf, v));
      return FALSE;
    }
  if (v > MAX_USD)
    {
      add_problem (l, _("field “%s”: %s is implausibly large (over $1 quadrillion)"), member,
                   format_number (buf, v));
      return FALSE;
    }
  *out = v;
  return TRUE;
}

static void
read_event (Loader *l, JsonObject *obj, guint index, GHashTable *ids)
{
  HlEvent ev = { 0 };
  const char *lane_id, *confidence;
  JsonNode *node;
  int lane = -1;
  gboolean ok = TRUE;
  guint n_problems = l->problems->len + l->n_dropped;

  ev.id = read_string (l, obj, "id", TRUE, MAX_ID_LEN, FALSE);
  if (ev.id != NULL)
    set_where (l, "events[%u] (id “%s”)", index, ev.id);

  lane_id = read_string (l, obj, "lane", TRUE, MAX_ID_LEN, FALSE);
  ev.title = read_string (l, obj, "title", TRUE, MAX_TITLE_LEN, FALSE);
  read_date (l, obj, "date", TRUE, &ev.time, NULL, &ev.date);
  ev.kind = read_string (l, obj, "kind", FALSE, MAX_TITLE_LEN, TRUE);
  ev.actor = read_string (l, obj, "actor", FALSE, MAX_TITLE_LEN, TRUE);
  ev.outcome = read_string (l, obj, "outcome", FALSE, MAX_TEXT_LEN, FALSE);
  ev.notes = read_string (l, obj, "notes", FALSE, MAX_TEXT_LEN, FALSE);
  confidence = read_string (l, obj, "confidence", FALSE, 32, FALSE);
  if (confidence != NULL)
    {
      ev.confidence = parse_confidence (confidence);
      if (ev.confidence == HL_CONFIDENCE_UNSPECIFIED)
        add_problem (l, _("field “confidence”: “%s” is not one of “official”, “analyst”, "
                          "“suspected”, “disputed”"), confidence);
    }

  if (ev.id != NULL)
    {
      gpointer other = g_hash_table_lookup (ids, ev.id);

      if (other != NULL)
        add_problem (l, _("duplicate id “%s” (first used by events[%u])"), ev.id,
                     GPOINTER_TO_UINT (other) - 1);
      else
        g_hash_table_insert (ids, (gpointer) ev.id, GUINT_TO_POINTER (index + 1));
    }

  if (lane_id != NULL)
    {
      lane = hl_dataset_find_lane (l->dataset, lane_id);
      if (lane < 0 && !l->no_lanes && l->dataset->lanes->len > 0)
        {
          g_autoptr(GString) known = g_string_new (NULL);

          for (guint i = 0; i < l->dataset->lanes->len; i++)
            g_string_append_printf (known, "%s“%s”", i > 0 ? ", " : "",
                                    g_array_index (l->dataset->lanes, HlLane, i).id);
          add_problem (l, _("field “lane”: no lane has the id “%s” (the lanes are %s)"),
                       lane_id, known->str);
        }
    }
  ev.lane = lane < 0 ? 0 : (guint) lane;

  ev.count = 1;
  if (lane >= 0 && hl_dataset_get_lane (l->dataset, lane)->measure == HL_MEASURE_USD)
    {
      node = json_object_get_member (obj, "usd");
      if (node == NULL || JSON_NODE_HOLDS_NULL (node))
        add_problem (l, _("missing field “usd” (lane “%s” measures US dollars)"), lane_id);
      else
        ok &= read_usd_value (l, "usd", node, &ev.usd);
    }
  else if (lane >= 0)
    {
      node = json_object_get_member (obj, "count");
      if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
        {
          char buf[G_ASCII_DTOSTR_BUF_SIZE];
          double v;

          if (!node_is_number (node))
            add_problem (l, _("field “count”: expected a whole number, got %s"),
                         describe_node (node));
          else if (!isfinite (v = json_node_get_double (node)))
            add_problem (l, _("field “count”: the number is too large to represent"));
          else if (v != floor (v))
            add_problem (l, _("field “count”: must be a whole number (got %s)"),
                         format_number (buf, v));
          else if (v < 1)
            add_problem (l, _("field “count”: must be at least 1 (got %s)"),
                         format_number (buf, v));
          else if (v > MAX_COUNT)
            add_problem (l, _("field “count”: %s is implausibly large (at most %d)"),
                         format_number (buf, v), MAX_COUNT);
          else
            {
              ev.count = (guint) v;
              ev.count_known = TRUE;
            }
        }
    }

  /* usd_range: an optional [low, high] around the best estimate. */
  node = json_object_get_member (obj, "usd_range");
  if (node != NULL && !JSON_NODE_HOLDS_NULL (node))
    {
      JsonArray *range = JSON_NODE_HOLDS_ARRAY (node) ? json_node_get_array (node) : NULL;

      if (range == NULL)
        add_problem (l, _("field “usd_range”: expected an array [low, high], got %s"),
                     describe_node (node));
      else if (json_array_get_length (range) != 2)
        add_problem (l, _("field “usd_range”: expected an array of two numbers [low, high], "
                          "got %u elements"), json_array_get_length (range));
      else if (read_usd_value (l, "usd_range", json_array_get_element (range, 0), &ev.usd_low) &&
               read_usd_value (l, "usd_range", json_array_get_element (range, 1), &ev.usd_high))
        {
          char lo[G_ASCII_DTOSTR_BUF_SIZE], hi[G_ASCII_DTOSTR_BUF_SIZE];

          if (ev.usd_low > ev.usd_high)
            add_problem (l, _("field “usd_range”: the low end (%s) is above the high end (%s)"),
                         format_number (lo, ev.usd_low), format_number (hi, ev.usd_high));
          else
            ev.has_usd_range = TRUE;
        }
    }

  read_sources (l, obj, &ev.sources, &ev.n_sources);

  if (ok && l->problems->len + l->n_dropped == n_problems)
    g_array_append_val (l->dataset->events, ev);
}

/* Reads the events of @array, numbering them from *@index on. Returns
 * FALSE when reading should stop: cancelled, or too many problems. */
static gboolean
read_event_array (Loader *l, JsonArray *array, guint *index, GHashTable *ids)
{
  guint n = array ? json_array_get_length (array) : 0;

  for (guint k = 0; k < n; k++)
    {
      guint i = (*index)++;
      JsonObject *obj;

      /* A million events take seconds: let the user give up. */
      if ((i & 4095) == 4095 && g_cancellable_is_cancelled (l->cancellable))
        return FALSE;
      set_where (l, "events[%u]", i);
      if ((obj = element_object (l, array, k)) != NULL)
        read_event (l, obj, i, ids);
      /* Past the cap, reading on only counts problems: stop early instead. */
      if (l->n_dropped > 10000)
        return FALSE;
    }
  return TRUE;
}

/* One slice of the "events" array, parsed by a worker thread while the
 * loader reads the slices before it: json-glib's parsing is most of the
 * time a load takes, and it parses each slice on its own. */
typedef struct
{
  const char *data;
  gsize       begin;
  gsize       end;
  JsonParser *parser;   /* when done: the parsed slice, NULL if refused */
  gboolean    done;
  gboolean    drop;     /* read: free the tree (a third of json-glib's work) */
} SliceJob;

/* A worker frees the trees it built itself: GLib 2.74's slice allocator
 * serialises threads that free each other's nodes (measured: freeing on
 * the reading thread made a load 40% slower). */
typedef struct
{
  GThread     *thread;
  GAsyncQueue *jobs;    /* SliceJob, or the queue itself to stop */
  GMutex      *lock;
  GCond       *done;
} SliceWorker;

static gpointer
slice_worker (gpointer data)
{
  SliceWorker *w = data;
  gpointer item;

  while ((item = g_async_queue_pop (w->jobs)) != w->jobs)
    {
      SliceJob *job = item;
      g_autoptr(GString) text = NULL;
      g_autoptr(JsonParser) parser = NULL;
      JsonNode *root;

      if (job->drop)
        {
          g_clear_object (&job->parser);
          continue;
        }

      text = g_string_sized_new (job->end - job->begin + 2);
      g_string_append_c (text, '[');
      g_string_append_len (text, job->data + job->begin, (gssize) (job->end - job->begin));
      g_string_append_c (text, ']');
      /* Not immutable: sealing hashes every node, of a tree soon dropped. */
      parser = json_parser_new ();
      if (!json_parser_load_from_data (parser, text->str, (gssize) text->len, NULL) ||
          (root = json_parser_get_root (parser)) == NULL || !JSON_NODE_HOLDS_ARRAY (root))
        g_clear_object (&parser);

      g_mutex_lock (w->lock);
      job->parser = g_steal_pointer (&parser);
      job->done = TRUE;
      g_cond_broadcast (w->done);
      g_mutex_unlock (w->lock);
    }
  return NULL;
}

/* Parses each slice of the "events" array on its own and, with @l, reads
 * its events in order (without @l, or once reading stopped, it only checks
 * that json-glib accepts the rest, as it would have had it parsed the
 * whole file). Sets es->failed if json-glib refuses a slice. */
static void
parse_event_slices (EventSlices *es, Loader *l, GHashTable *ids)
{
  guint n_slices = es->cuts->len + 1, first = es->n_slices_parsed, next = first;
  /* One core stays with this thread, which reads while the workers parse.
   * Parsing threads contend in GLib's allocator (two parse only ~1.4x as
   * fast as one), so more than two would add little. */
  guint n_workers = CLAMP (g_get_num_processors () - 1, 1, 2);
  /* A few slices ahead keep the workers busy; more would only hold memory. */
  guint window = 3 * n_workers;
  SliceJob *jobs = g_new0 (SliceJob, n_slices);
  SliceWorker workers[2];
  gboolean reading = l != NULL;
  GMutex lock;
  GCond done;
  guint index = 0;

  if (first >= n_slices)
    {
      g_free (jobs);
      return;
    }

  g_mutex_init (&lock);
  g_cond_init (&done);
  for (guint w = 0; w < n_workers; w++)
    {
      workers[w].jobs = g_async_queue_new ();
      workers[w].lock = &lock;
      workers[w].done = &done;
      workers[w].thread = g_thread_new ("heistline-load", slice_worker, &workers[w]);
    }

  for (guint k = first; k < n_slices; k++)
    {
      jobs[k].data = es->data;
      jobs[k].begin = k == 0 ? es->open + 1 : g_array_index (es->cuts, gsize, k - 1) + 1;
      jobs[k].end = k < es->cuts->len ? g_array_index (es->cuts, gsize, k) : es->close;
    }

  for (guint k = first; k < n_slices; k++)
    {
      JsonParser *parser;
      JsonArray *array;

      for (; next < n_slices && next < k + window; next++)
        g_async_queue_push (workers[next % n_workers].jobs, &jobs[next]);

      g_mutex_lock (&lock);
      while (!jobs[k].done)
        g_cond_wait (&done, &lock);
      parser = g_steal_pointer (&jobs[k].parser);
      g_mutex_unlock (&lock);

      if (parser == NULL)
        {
          es->failed = TRUE;
          break;
        }
      array = json_node_get_array (json_parser_get_root (parser));
      es->n_parsed += json_array_get_length (array);
      es->n_slices_parsed = k + 1;
      if (reading && !read_event_array (l, array, &index, ids))
        reading = FALSE;
      /* Back to the thread that built it, to free while this one reads on. */
      jobs[k].parser = parser;
      jobs[k].drop = TRUE;
      g_async_queue_push (workers[k % n_workers].jobs, &jobs[k]);
      if (l != NULL && g_cancellable_is_cancelled (l->cancellable))
        break;
    }

  /* Let the workers finish what they were given, then stop them. */
  for (guint w = 0; w < n_workers; w++)
    {
      g_async_queue_push (workers[w].jobs, workers[w].jobs);
      g_thread_join (workers[w].thread);
      g_async_queue_unref (workers[w].jobs);
    }
  for (guint k = first; k < n_slices; k++)
    g_clear_object (&jobs[k].parser);
  g_free (jobs);
  g_cond_clear (&done);
  g_mutex_clear (&lock);

  if (es->n_slices_parsed == n_slices && es->n_parsed != es->n_elements)
    es->failed = TRUE;
}

static void
read_events (Loader *l, JsonObject *root)
{
  JsonArray *array = read_array (l, root, "events", TRUE);
  g_autoptr(GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  guint index = 0;

  g_array_set_size (l->dataset->events, 0);
  if (l->slices != NULL)   /* the tree holds an empty array in its place */
    parse_event_slices (l->slices, l, ids);
  else
    read_event_array (l, array, &index, ids);
  set_where (l, NULL);
}

static void
read_root (Loader *l, JsonNode *root_node)
{
  HlDataset *self = l->dataset;
  JsonObject *root;
  JsonNode *format;
  const char *s;

  if (!JSON_NODE_HOLDS_OBJECT (root_node))
    {
      add_problem (l, _("expected a JSON object at the top level, got %s"),
                   describe_node (root_node));
      return;
    }
  root = json_node_get_object (root_node);

  format = json_object_get_member (root, "format");
  if (format == NULL)
    {
      add_problem (l, _("missing required field “format” (expected “%s”)"), HL_DATASET_FORMAT);
      return;
    }
  if (!node_is_string (format) || !g_str_equal (json_node_get_string (format), HL_DATASET_FORMAT))
    {
      if (node_is_string (format))
        {
          g_autofree char *shown = shorten (json_node_get_string (format), 64);

          add_problem (l, _("field “format”: “%s” is not supported (expected “%s”)"),
                       shown, HL_DATASET_FORMAT);
        }
      else
        add_problem (l, _("field “format”: expected the string “%s”, got %s"),
                     HL_DATASET_FORMAT, describe_node (format));
      return;
    }

  if ((s = read_string (l, root, "title", FALSE, MAX_TITLE_LEN, FALSE)) != NULL)
    self->title = s;
  if ((s = read_string (l, root, "description", FALSE, MAX_TEXT_LEN, FALSE)) != NULL)
    self->description = s;

  read_lanes (l, root);
  read_periods (l, root);
  read_facts (l, root);
  read_events (l, root);

  if (json_object_has_member (root, "default_range"))
    {
      JsonNode *node = json_object_get_member (root, "default_range");

      set_where (l, "default_range");
      if (!JSON_NODE_HOLDS_OBJECT (node))
        add_problem (l, _("expected an object with “from” and “to”, got %s"),
                     describe_node (node));
      else
        read_range (l, json_node_get_object (node), &self->default_from, &self->default_to);
      set_where (l, NULL);
    }
  else
    {
      self->default_from = self->default_to = 0;
    }
}

/* json-glib recurses once per bracket and overflows the stack at about
 * 75,000 levels, wraps integers past 64 bits and keeps the last of two
 * members with the same name; so the whole syntax is checked first, in one
 * pass, with a message a person can act on. */
static gboolean
check_syntax (Loader *l, const char *data, gsize len, GError **error)
{
  const HlJsonLimits limits = { HL_DATASET_MAX_DEPTH, MAX_RAW_STRING };
  g_autofree char *problem = NULL;
  guint line = 0, col = 0;

  if (hl_json_check (data, len, &limits, l->cancellable, &line, &col, &problem))
    return TRUE;
  if (problem == NULL)
    g_cancellable_set_error_if_cancelled (l->cancellable, error);
  else
    g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_SYNTAX,
                 _("%s:%u:%u: not valid JSON: %s"), l->name, line, col, problem);
  return FALSE;
}

static gboolean
check_encoding (Loader *l, const char **data, gsize *len, GError **error)
{
  const guchar *u = (const guchar *) *data;
  const char *end = NULL;
  const char *utf = NULL;

  /* By byte order mark, or by the zero bytes UTF-16 puts in ASCII text. */
  if (*len >= 4 && ((u[0] == 0xFF && u[1] == 0xFE && u[2] == 0 && u[3] == 0) ||
                    (u[0] == 0 && u[1] == 0 && u[2] == 0xFE && u[3] == 0xFF)))
    utf = "UTF-32";
  else if (*len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) || (u[0] == 0xFE && u[1] == 0xFF) ||
                         (u[0] == 0) != (u[1] == 0)))
    utf = "UTF-16";
  if (utf != NULL)
    {
      g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_SYNTAX,
                   _("%s: the file is %s encoded; save it as UTF-8"), l->name, utf);
      return FALSE;
    }
  /* A UTF-8 byte order mark is allowed (RFC 8259 lets parsers ignore it,
   * and some editors add it); it is skipped. */
  if (*len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF)
    {
      *data += 3;
      *len -= 3;
    }
  if (!g_utf8_validate_len (*data, *len, &end))
    {
      guint line, col;

      hl_json_locate (*data, end - *data, &line, &col);
      if (*end == '\0')
        g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_SYNTAX,
                     _("%s:%u:%u: contains a NUL byte; this is not a text file"),
                     l->name, line, col);
      else
        g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_SYNTAX,
                     _("%s:%u:%u: invalid UTF-8 (byte 0x%02X); save the file as UTF-8"),
                     l->name, line, col, (guchar) *end);
      return FALSE;
    }
  return TRUE;
}

static gboolean
is_blank (const char *data, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (data[i]))
      return FALSE;
  return TRUE;
}

static void
event_slices_free (EventSlices *es)
{
  g_array_unref (es->cuts);
  g_free (es);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (EventSlices, event_slices_free)

/* One pass over the bytes, to find the root object's "events" array and
 * cut it into slices of whole elements. Anything unexpected (a root that
 * is not an object, two "events", an escaped member name, a character
 * that has no place in JSON outside a string) returns NULL, and the file
 * is parsed whole, as a small one is: slicing never changes what is read,
 * only the memory it takes. */
static EventSlices *
plan_event_slices (const char *data, gsize len)
{
  g_autoptr(EventSlices) es = g_new0 (EventSlices, 1);
  gboolean expect_key = FALSE, in_events = FALSE, found = FALSE, any_element = FALSE;
  const char *key = NULL;
  gsize key_len = 0, slice_start = 0, i = 0;
  guint depth = 0, n_commas = 0;

  es->data = data;
  es->cuts = g_array_new (FALSE, FALSE, sizeof (gsize));

  while (i < len && g_ascii_isspace (data[i]))
    i++;
  if (i == len || data[i] != '{')
    return NULL;

  for (; i < len; i++)
    {
      char c = data[i];

      switch (c)
        {
        case ' ': case '\t': case '\n': case '\r':
          break;

        case '"':
          {
            gsize start = i + 1, end = start;

            /* To the closing quote: one not escaped by an odd number of
             * backslashes. memchr() makes long texts cheap. */
            for (;;)
              {
                const char *q = memchr (data + end, '"', len - end);
                gsize b = 0;

                if (q == NULL)
                  return NULL;
                end = q - data;
                while (end - b > start && data[end - b - 1] == '\\')
                  b++;
                if (b % 2 == 0)
                  break;
                end++;
              }
            if (depth == 1 && expect_key)
              {
                key = data + start;
                key_len = end - start;
                if (memchr (key, '\\', key_len) != NULL)
                  return NULL;
                expect_key = FALSE;
              }
            if (in_events && depth == 2)
              any_element = TRUE;
            i = end;
          }
          break;

        case '{':
        case '[':
          if (in_events && depth == 2)
            any_element = TRUE;
          depth++;
          if (depth == 1)
            expect_key = TRUE;
          else if (depth == 2 && c == '[' && key != NULL && key_len == 6 &&
                   memcmp (key, "events", 6) == 0)
            {
              if (found)
                return NULL;
              found = in_events = TRUE;
              es->open = i;
              slice_start = i;
            }
          break;

        case '}':
        case ']':
          if (depth == 0)
            return NULL;
          if (in_events && depth == 2)
            {
              if (c != ']')
                return NULL;
              es->close = i;
              in_events = FALSE;
            }
          depth--;
          if (depth == 0)
            {
              /* Nothing but white space may follow the root. */
              for (i++; i < len; i++)
                if (!g_ascii_isspace (data[i]))
                  return NULL;
              goto done;
            }
          break;

        case ',':
          if (depth == 1)
            expect_key = TRUE;
          else if (in_events && depth == 2)
            {
              n_commas++;
              if (i - slice_start >= SLICE_BYTES)
                {
                  g_array_append_val (es->cuts, i);
                  slice_start = i;
                }
            }
          break;

        case ':':
          break;

        default:
          if (!strchr ("0123456789-+.eEtrufalsn", c))
            return NULL;
          if (in_events && depth == 2)
            any_element = TRUE;
          break;
        }
    }
  return NULL;   /* the root object never closed */

done:
  if (!found)
    return NULL;
  es->n_elements = any_element ? n_commas + 1 : 0;
  return g_steal_pointer (&es);
}

static HlDataset *load_bytes (GBytes       *bytes,
                              const char   *display_name,
                              GCancellable *cancellable,
                              gboolean      may_slice,
                              GError      **error);

HlDataset *
hl_dataset_new_from_bytes (GBytes        *bytes,
                           const char    *display_name,
                           GCancellable  *cancellable,
                           GError       **error)
{
  return load_bytes (bytes, display_name, cancellable, TRUE, error);
}

/* @may_slice: FALSE to parse the file whole, the way that is always right
 * (see EventSlices). */
static HlDataset *
load_bytes (GBytes       *bytes,
            const char   *display_name,
            GCancellable *cancellable,
            gboolean      may_slice,
            GError      **error)
{
  g_autoptr(HlDataset) self = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GPtrArray) problems = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(EventSlices) slices = NULL;
  g_autofree char *head = NULL;
  Loader l = { 0 };
  const char *data, *text;
  gsize len, text_len;

  g_return_val_if_fail (bytes != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (display_name == NULL)
    display_name = _("(unnamed)");
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  data = g_bytes_get_data (bytes, &len);
  if (len > hl_dataset_get_max_file_size ())
    {
      g_autofree char *size = g_format_size (len);
      g_autofree char *limit = g_format_size (hl_dataset_get_max_file_size ());

      g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_TOO_LARGE,
                   _("%s: the file is %s, larger than the limit of %s"),
                   display_name, size, limit);
      return NULL;
    }

  self = hl_dataset_new_empty (display_name);
  l.dataset = self;
  l.name = self->display_name;
  l.problems = problems;
  l.cancellable = cancellable;

  if (len == 0 || is_blank (data, len))
    {
      add_problem (&l, len == 0 ? _("the file is empty")
                                : _("the file is empty (it holds only white space)"));
      return fail_with_problems (&l, error), NULL;
    }
  if (!check_encoding (&l, &data, &len, error) || !check_syntax (&l, data, len, error))
    return NULL;

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  /* A large file: json-glib parses all but the events here, with an empty
   * "events" array in their place; read_events() parses them by slices. */
  text = data;
  text_len = len;
  if (may_slice && len >= SLICE_MIN_FILE && (slices = plan_event_slices (data, len)) != NULL)
    {
      text_len = slices->open + 1 + (len - slices->close);
      text = head = g_malloc (text_len);
      memcpy (head, data, slices->open + 1);
      memcpy (head + slices->open + 1, data + slices->close, len - slices->close);
    }

  parser = json_parser_new_immutable ();
  if (!json_parser_load_from_data (parser, text, (gssize) text_len, &local_error))
    {
      guint line = 0, col = 0;
      const char *msg = local_error->message;
      const char *tail;

      /* check_syntax() lets nothing through that json-glib refuses, but in
       * case: json-glib prefixes "<data>:LINE:COL: " (its get_current_line()
       * is 0 after a failure); we name the file instead. */
      if (g_str_has_prefix (msg, "<data>:") && (tail = strstr (msg + 7, ": ")) != NULL)
        {
          if (sscanf (msg + 7, "%u:%u", &line, &col) != 2)
            line = col = 0;
          msg = tail + 2;
        }
      /* Where and what: as json-glib says it of the whole file. */
      if (slices != NULL)
        return load_bytes (bytes, display_name, cancellable, FALSE, error);
      if (g_str_has_prefix (msg, "Parse error: "))
        msg += strlen ("Parse error: ");
      g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_SYNTAX,
                   _("%s:%u:%u: not valid JSON: %s"), display_name, line, col, msg);
      return NULL;
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  l.slices = slices;
  read_root (&l, json_parser_get_root (parser));
  g_clear_object (&parser);
  g_clear_pointer (&l.where, g_free);

  /* Had json-glib parsed the whole file, it would have refused it for a
   * syntax error in any slice, even one read_root() never got to. */
  if (slices != NULL && !g_cancellable_is_cancelled (cancellable))
    {
      parse_event_slices (slices, NULL, NULL);
      if (slices->failed)
        return load_bytes (bytes, display_name, cancellable, FALSE, error);
    }

  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;

  if (problems->len > 0)
    return fail_with_problems (&l, error), NULL;

  hl_dataset_finish (self);

  /* Without a default range, show every event with a margin. */
  if (self->default_to <= self->default_from)
    {
      gint64 first, last;

      if (hl_dataset_get_extent (self, &first, &last))
        {
          self->default_from = hl_date_floor_day (first);
          self->default_to = hl_date_floor_day (last) + HL_SECONDS_PER_DAY;
        }
      else
        {
          self->default_from = hl_date_from_ymd (2023, 7, 1);
          self->default_to = hl_date_from_ymd (2024, 2, 1);
        }
    }

  return g_steal_pointer (&self);
}

/* An I/O failure as the user should read it; cancellation stays itself. */
static void
set_io_error (GError **error, const char *name, GError *local_error)
{
  if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    g_propagate_error (error, g_error_copy (local_error));
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND))
    g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO,
                 _("%s: cannot read: the file does not exist (it may have been moved or "
                   "deleted)"), name);
  else if (g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY))
    g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO,
                 _("%s: is a folder, not a dataset file"), name);
  else
    g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO, _("%s: cannot read: %s"),
                 name, local_error->message);
}

static void
set_too_large (GError **error, const char *name, const char *size)
{
  g_autofree char *limit = g_format_size (hl_dataset_get_max_file_size ());

  if (size != NULL)
    g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_TOO_LARGE,
                 _("%s: the file is %s, larger than the limit of %s"), name, size, limit);
  else
    g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_TOO_LARGE,
                 _("%s: the file is larger than the limit of %s"), name, limit);
}

/* Reads at most the size limit (plus one byte, to know it was passed),
 * whatever the file's size said: pipes and /proc files say 0, and a file
 * may grow or shrink while it is read. */
static GBytes *
read_capped (GFile        *file,
             const char   *name,
             goffset       size_hint,
             GCancellable *cancellable,
             GError      **error)
{
  g_autoptr(GFileInputStream) in = NULL;
  g_autoptr(GError) local_error = NULL;
  gsize cap = hl_dataset_get_max_file_size ();
  gsize alloc, used = 0;
  char *buf;

  in = g_file_read (file, cancellable, &local_error);
  if (in == NULL)
    {
      set_io_error (error, name, local_error);
      return NULL;
    }

  alloc = size_hint > 0 && (guint64) size_hint <= cap ? (gsize) size_hint + 1 : 64 * 1024;
  alloc = MIN (alloc, cap + 1);
  buf = g_malloc (alloc);
  for (;;)
    {
      gssize n;

      if (used == alloc)
        {
          if (alloc > cap)
            {
              g_free (buf);
              set_too_large (error, name, NULL);
              return NULL;
            }
          alloc = alloc > cap / 2 ? cap + 1 : alloc * 2;
          buf = g_realloc (buf, alloc);
        }
      n = g_input_stream_read (G_INPUT_STREAM (in), buf + used, alloc - used, cancellable,
                               &local_error);
      if (n < 0)
        {
          g_free (buf);
          set_io_error (error, name, local_error);
          return NULL;
        }
      if (n == 0)
        break;
      used += (gsize) n;
    }
  return g_bytes_new_take (g_realloc (buf, MAX (used, 1)), used);
}

HlDataset *
hl_dataset_new_from_file (GFile         *file,
                          GCancellable  *cancellable,
                          GError       **error)
{
  g_autoptr(GFileInfo) info = NULL;
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *name = NULL;
  HlDataset *self;
  guint32 mode;

  g_return_val_if_fail (G_IS_FILE (file), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  name = g_file_is_native (file) ? g_file_get_path (file) : g_file_get_uri (file);

  /* Refuse huge files, folders and devices before reading anything. */
  info = g_file_query_info (file, G_FILE_ATTRIBUTE_STANDARD_SIZE ","
                            G_FILE_ATTRIBUTE_STANDARD_TYPE "," G_FILE_ATTRIBUTE_UNIX_MODE,
                            G_FILE_QUERY_INFO_NONE, cancellable, &local_error);
  if (info == NULL)
    {
      set_io_error (error, name, local_error);
      return NULL;
    }
  if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY)
    {
      g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO,
                   _("%s: is a folder, not a dataset file"), name);
      return NULL;
    }
  /* /dev/zero and friends never end; a pipe (FIFO) is fine, read with a cap. */
  mode = g_file_info_get_attribute_uint32 (info, G_FILE_ATTRIBUTE_UNIX_MODE);
  if (S_ISCHR (mode) || S_ISBLK (mode) || S_ISSOCK (mode))
    {
      g_set_error (error, HL_DATASET_ERROR, HL_DATASET_ERROR_IO,
                   _("%s: is a device, not a dataset file"), name);
      return NULL;
    }
  if ((guint64) g_file_info_get_size (info) > hl_dataset_get_max_file_size ())
    {
      g_autofree char *size = g_format_size (g_file_info_get_size (info));

      set_too_large (error, name, size);
      return NULL;
    }

  bytes = read_capped (file, name, g_file_info_get_size (info), cancellable, error);
  if (bytes == NULL)
    return NULL;

  self = hl_dataset_new_from_bytes (bytes, name, cancellable, error);
  if (self != NULL)
    self->file = g_object_ref (file);
  return self;
}

static void
load_thread (GTask        *task,
             gpointer      source_object,
             gpointer      task_data,
             GCancellable *cancellable)
{
  GError *error = NULL;
  HlDataset *dataset = hl_dataset_new_from_file (task_data, cancellable, &error);

  if (dataset == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, dataset, g_object_unref);
}

/* Reads and validates @file on a worker thread: the caller keeps showing
 * what it has until the new dataset is ready, and may cancel. */
void
hl_dataset_load_async (GFile               *file,
                       GCancellable        *cancellable,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;

  g_return_if_fail (G_IS_FILE (file));

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, hl_dataset_load_async);
  g_task_set_task_data (task, g_object_ref (file), g_object_unref);
  g_task_run_in_thread (task, load_thread);
}

HlDataset *
hl_dataset_load_finish (GAsyncResult *result, GError **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

#define BUNDLED_PATH "/io/github/heistline/Heistline/data/heistline.json"

/* The dataset that ships with the app, compiled into the binary so it works
 * from the build directory and installed alike. It is validated by the
 * test suite, so failing here is a programming error. */
HlDataset *
hl_dataset_new_bundled (void)
{
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) error = NULL;
  HlDataset *self;

  /* Looked up through the resource itself, which also keeps the linker from
   * dropping it out of the static library. */
  bytes = g_resource_lookup_data (hl_data_get_resource (), BUNDLED_PATH,
                                  G_RESOURCE_LOOKUP_FLAGS_NONE, &error);
  if (bytes == NULL)
    g_error ("bundled dataset missing: %s", error->message);
  self = hl_dataset_new_from_bytes (bytes, "heistline.json", NULL, &error);
  if (self == NULL)
    g_error ("bundled dataset invalid: %s", error->message);
  return self;
}
